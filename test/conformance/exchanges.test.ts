import type { Channel } from 'amqplib';
import { expect, it } from 'vitest';
import { nextClose, refusal } from './support/errors.js';
import { body, drain, waitFor } from './support/messages.js';
import type { Session } from './support/session.js';
import { forEachTarget } from './support/targets.js';

/**
 * Issue section 4. Routing outcomes are read back with basic.get after a
 * confirmed publish: once the broker has confirmed, the message is in every
 * queue it was routed to.
 */
forEachTarget((ctx) => {
  /** Declares `count` queues, runs `publish` on a confirm channel, returns which queues got which bodies. */
  async function route(
    s: Session,
    queues: string[],
    publish: (ch: import('amqplib').ConfirmChannel) => void,
  ): Promise<Record<string, string[]>> {
    const ch = await s.confirmChannel();
    publish(ch);
    await ch.waitForConfirms();
    const out: Record<string, string[]> = {};
    const reader = await s.channel();
    for (const q of queues) out[q] = (await drain(reader, q)).map(body);
    return out;
  }

  async function queues(s: Session, ch: Channel, n: number): Promise<string[]> {
    const names = Array.from({ length: n }, (_, i) => s.queueName(`q${i}`));
    for (const q of names) await ch.assertQueue(q);
    return names;
  }

  it('predeclares amq.direct, amq.fanout, amq.topic, amq.headers and amq.match', async () => {
    const s = ctx.session();
    for (const [name, type] of [
      ['amq.direct', 'direct'],
      ['amq.fanout', 'fanout'],
      ['amq.topic', 'topic'],
      ['amq.headers', 'headers'],
      ['amq.match', 'headers'],
    ] as const) {
      await expect((await s.channel()).assertExchange(name, type, { durable: true }), name).resolves.toBeDefined();
    }
  });

  it('default exchange: routes by queue name; a missing queue is unroutable', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [q] = await queues(s, ch, 1);
    const got = await route(s, [q as string], (c) => {
      c.publish('', q as string, Buffer.from('to-q'));
      c.publish('', s.name('nobody'), Buffer.from('lost'));
    });
    expect(got).toEqual({ [q as string]: ['to-q'] });
  });

  it('direct: exact key, several queues per key, one copy per queue however many bindings match', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'direct', { durable: false });
    const [a, b] = (await queues(s, ch, 2)) as [string, string];
    await ch.bindQueue(a, x, 'k');
    await ch.bindQueue(b, x, 'k');
    await ch.bindQueue(b, x, 'K');
    await ch.bindQueue(a, x, 'k', { alias: 1 });
    const got = await route(s, [a, b], (c) => {
      c.publish(x, 'k', Buffer.from('1'));
      c.publish(x, 'K', Buffer.from('2'));
      c.publish(x, 'k ', Buffer.from('3'));
    });
    expect(got).toEqual({ [a]: ['1'], [b]: ['1', '2'] });
  });

  it('fanout: every bound queue, whatever the key', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'fanout', { durable: false });
    const [a, b] = (await queues(s, ch, 2)) as [string, string];
    await ch.bindQueue(a, x, 'ignored');
    await ch.bindQueue(b, x, '');
    const got = await route(s, [a, b], (c) => c.publish(x, 'anything', Buffer.from('m')));
    expect(got).toEqual({ [a]: ['m'], [b]: ['m'] });
  });

  it('topic: * is one word, # zero or more, empty words and the empty key as RabbitMQ treats them', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'topic', { durable: false });
    const patterns = ['*', '#', 'a.*', 'a.#', '#.b', '*.*', '', 'a..b', 'a.*.b', '#.#', 'a.#.b'];
    const qs = await queues(s, ch, patterns.length);
    for (const [i, p] of patterns.entries()) await ch.bindQueue(qs[i] as string, x, p);
    const keys = ['', 'a', 'a.b', 'a.', '.', 'a..b', 'a.x.y.b', 'b'];
    const got = await route(s, qs, (c) => {
      for (const k of keys) c.publish(x, k, Buffer.from(`[${k}]`));
    });
    const byPattern = Object.fromEntries(patterns.map((p, i) => [p, got[qs[i] as string]]));
    expect(byPattern).toEqual({
      '*': ['[a]', '[b]'],
      '#': keys.map((k) => `[${k}]`),
      'a.*': ['[a.b]', '[a.]'],
      'a.#': ['[a]', '[a.b]', '[a.]', '[a..b]', '[a.x.y.b]'],
      '#.b': ['[a.b]', '[a..b]', '[a.x.y.b]', '[b]'],
      '*.*': ['[a.b]', '[a.]', '[.]'],
      '': ['[]'],
      'a..b': ['[a..b]'],
      'a.*.b': ['[a..b]'],
      '#.#': keys.map((k) => `[${k}]`),
      'a.#.b': ['[a.b]', '[a..b]', '[a.x.y.b]'],
    });
  });

  /** The unit vectors of test/unit/routing/headers.test.ts that plain amqplib values can express. */
  const headerCases: [string, Record<string, unknown>, Record<string, unknown> | undefined, boolean][] = [
    ['all: every key equal', { 'x-match': 'all', a: '1', b: 2 }, { a: '1', b: 2, c: 'extra' }, true],
    ['all: one key missing', { 'x-match': 'all', a: '1', b: 2 }, { a: '1' }, false],
    ['all: one value different', { 'x-match': 'all', a: '1', b: 2 }, { a: '1', b: 3 }, false],
    ['all is the default', { a: '1', b: 2 }, { a: '1' }, false],
    ['any: one key equal', { 'x-match': 'any', a: '1', b: 2 }, { b: 2 }, true],
    ['any: none equal', { 'x-match': 'any', a: '1', b: 2 }, { a: '2', b: 3 }, false],
    ['all with no keys', { 'x-match': 'all' }, undefined, true],
    ['any with no keys', { 'x-match': 'any' }, { a: '1' }, false],
    ['all ignores x- keys', { 'x-match': 'all', 'x-a': '1', b: 'y' }, { b: 'y' }, true],
    ['any ignores x- keys', { 'x-match': 'any', 'x-a': '1' }, { 'x-a': '1' }, false],
    ['all-with-x compares x- keys', { 'x-match': 'all-with-x', 'x-a': '1', b: 'y' }, { b: 'y' }, false],
    ['all-with-x, x- key present', { 'x-match': 'all-with-x', 'x-a': '1', b: 'y' }, { b: 'y', 'x-a': '1' }, true],
    ['any-with-x on an x- key', { 'x-match': 'any-with-x', 'x-a': '1', b: 'y' }, { 'x-a': '1' }, true],
    ['void means presence', { 'x-match': 'all', a: null }, { a: 'anything' }, true],
    ['void, header absent', { 'x-match': 'all', a: null }, { b: 'anything' }, false],
    ['string never equals number', { a: '1' }, { a: 1 }, false],
    ['integer types compare by value', { a: 1 }, { a: 100000 - 99999 }, true],
    ['int equals a float of the same value', { a: 1 }, { a: { '!': 'double', value: 1 } }, true],
    ['booleans', { a: true }, { a: true }, true],
    ['boolean is not a number', { a: true }, { a: 1 }, false],
    ['longstr equals a byte array with the same bytes', { a: 'xyz' }, { a: Buffer.from('xyz') }, true],
  ];

  it('headers: x-match all / any / all-with-x / any-with-x, x- keys, void, value equality', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'headers', { durable: false });
    const qs = await queues(s, ch, headerCases.length);
    for (const [i, [, args]] of headerCases.entries()) await ch.bindQueue(qs[i] as string, x, '', args);
    const got = await route(s, qs, (c) => {
      for (const [i, [, , headers]] of headerCases.entries()) c.publish(x, '', Buffer.from(String(i)), headers ? { headers } : {});
    });
    const outcome = headerCases.map(([name], i) => [name, (got[qs[i] as string] ?? []).includes(String(i))]);
    expect(outcome).toEqual(headerCases.map(([name, , , expected]) => [name, expected]));
  });

  it('headers: an invalid x-match is refused with 406', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [q] = await queues(s, ch, 1);
    expect(await refusal((await s.channel()).bindQueue(q as string, 'amq.headers', '', { 'x-match': 'some' }))).toEqual({
      code: 406,
      text: 'PRECONDITION_FAILED - Invalid x-match field value <<"some">>; expected all, any, all-with-x, or any-with-x',
    });
  });

  it('headers: an x-match of another type is refused with 406', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [q] = await queues(s, ch, 1);
    expect(await refusal((await s.channel()).bindQueue(q as string, 'amq.match', '', { 'x-match': 1 }))).toEqual({
      code: 406,
      text: 'PRECONDITION_FAILED - Invalid x-match field type byte (value 1); expected longstr',
    });
  });

  it('an alternate-exchange argument that is not a string is refused with 406', async () => {
    const s = ctx.session();
    const x = s.exchangeName();
    expect(await refusal((await s.channel()).assertExchange(x, 'direct', { durable: false, arguments: { 'alternate-exchange': 5 } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - invalid type 'byte' for arg 'alternate-exchange' in exchange '${x}' in vhost '/'`,
    });
  });

  it('exchange-to-exchange bindings: chains, diamonds and cycles deliver each queue one copy', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [top, left, right] = [s.exchangeName('top'), s.exchangeName('left'), s.exchangeName('right')];
    await ch.assertExchange(top, 'fanout', { durable: false });
    await ch.assertExchange(left, 'direct', { durable: false });
    await ch.assertExchange(right, 'topic', { durable: false });
    await ch.bindExchange(left, top, '');
    await ch.bindExchange(right, top, '');
    await ch.bindExchange(top, right, '#');
    const [shared, onlyRight] = (await queues(s, ch, 2)) as [string, string];
    await ch.bindQueue(shared, left, 'a.b');
    await ch.bindQueue(shared, right, 'a.*');
    await ch.bindQueue(onlyRight, right, 'x.#');
    const got = await route(s, [shared, onlyRight], (c) => {
      c.publish(top, 'a.b', Buffer.from('1'));
      c.publish(top, 'x.y', Buffer.from('2'));
      c.publish(right, 'a.b', Buffer.from('3'));
    });
    expect(got).toEqual({ [shared]: ['1', '3'], [onlyRight]: ['2'] });
  });

  it('alternate exchanges: used only when nothing matched, chained, loop-safe, and count as routed for mandatory', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [main, ae1, ae2] = [s.exchangeName('main'), s.exchangeName('ae1'), s.exchangeName('ae2')];
    await ch.assertExchange(ae2, 'fanout', { durable: false, alternateExchange: main });
    await ch.assertExchange(ae1, 'direct', { durable: false, alternateExchange: ae2, internal: true });
    await ch.assertExchange(main, 'direct', { durable: false, alternateExchange: ae1 });
    const [routed, caught1, caught2] = (await queues(s, ch, 3)) as [string, string, string];
    await ch.bindQueue(routed, main, 'k');
    await ch.bindQueue(caught1, ae1, 'special');
    const returned: string[] = [];
    const pub = await s.confirmChannel();
    pub.on('return', (m: { content: Buffer }) => returned.push(body(m)));
    pub.publish(main, 'k', Buffer.from('direct'), { mandatory: true });
    pub.publish(main, 'special', Buffer.from('via-ae1'), { mandatory: true });
    pub.publish(main, 'zzz', Buffer.from('nowhere'), { mandatory: true });
    await pub.waitForConfirms();
    await ch.bindQueue(caught2, ae2, '');
    pub.publish(main, 'zzz', Buffer.from('via-ae2'), { mandatory: true });
    await pub.waitForConfirms();
    const reader = await s.channel();
    expect({
      routed: (await drain(reader, routed)).map(body),
      caught1: (await drain(reader, caught1)).map(body),
      caught2: (await drain(reader, caught2)).map(body),
    }).toEqual({ routed: ['direct'], caught1: ['via-ae1'], caught2: ['via-ae2'] });
    expect(returned).toEqual(['nowhere']);
  });

  it('an alternate exchange naming the default exchange routes nothing', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'direct', { durable: false, alternateExchange: '' });
    const [q] = (await queues(s, ch, 1)) as [string];
    expect(await route(s, [q], (c) => c.publish(x, q, Buffer.from('m')))).toEqual({ [q]: [] });
  });

  it('CC and BCC headers add routing keys, all routed at once (the AE only when none matched); BCC is not delivered', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [ae, x] = [s.exchangeName('ae'), s.exchangeName('x')];
    await ch.assertExchange(ae, 'fanout', { durable: false });
    await ch.assertExchange(x, 'direct', { durable: false, alternateExchange: ae });
    const [a, b, c, caught] = (await queues(s, ch, 4)) as [string, string, string, string];
    await ch.bindQueue(a, x, 'a');
    await ch.bindQueue(b, x, 'b');
    await ch.bindQueue(c, x, 'c');
    await ch.bindQueue(caught, ae, '');
    const pub = await s.confirmChannel();
    pub.publish(x, 'a', Buffer.from('1'), { headers: { CC: ['zzz', 'b'], BCC: ['c'] } });
    pub.publish(x, 'zzz', Buffer.from('2'), { headers: { CC: ['yyy'] } });
    await pub.waitForConfirms();
    const reader = await s.channel();
    const seen = async (q: string) => (await drain(reader, q)).map((m) => [body(m), m.fields.routingKey, m.properties.headers]);
    expect({ a: await seen(a), b: await seen(b), c: await seen(c), caught: await seen(caught) }).toEqual({
      a: [['1', 'a', { CC: ['zzz', 'b'] }]],
      b: [['1', 'a', { CC: ['zzz', 'b'] }]],
      c: [['1', 'a', { CC: ['zzz', 'b'] }]],
      caught: [['2', 'zzz', { CC: ['yyy'] }]],
    });
  });

  it('a CC header that is not an array is refused with 406', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const closed = nextClose(ch);
    ch.publish('amq.direct', 'a', Buffer.from('m'), { headers: { CC: 'b' } });
    expect(await closed).toEqual({ code: 406, text: 'PRECONDITION_FAILED - invalid message: {unacceptable_type_in_header,"CC",longstr}' });
  });

  it('mandatory unroutable messages come back with 312 NO_ROUTE, before the confirm', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'direct', { durable: false });
    const events: string[] = [];
    const returned = new Promise<{ fields: Record<string, unknown>; content: Buffer }>((resolve) =>
      ch.once('return', (m: { fields: Record<string, unknown>; content: Buffer }) => {
        events.push('return');
        resolve(m);
      }),
    );
    ch.publish(x, 'nobody', Buffer.from('m'), { mandatory: true }, () => events.push('ack'));
    await ch.waitForConfirms();
    expect(events).toEqual(['return', 'ack']);
    const r = await returned;
    expect(r.fields).toMatchObject({ replyCode: 312, replyText: 'NO_ROUTE', exchange: x, routingKey: 'nobody' });
    expect(body(r)).toBe('m');
  });

  it('internal exchanges refuse publishes with 403 but route what reaches them by binding', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [front, inner] = [s.exchangeName('front'), s.exchangeName('inner')];
    await ch.assertExchange(inner, 'fanout', { durable: false, internal: true });
    await ch.assertExchange(front, 'fanout', { durable: false });
    await ch.bindExchange(inner, front, '');
    const [q] = (await queues(s, ch, 1)) as [string];
    await ch.bindQueue(q, inner, '');
    expect(await route(s, [q], (c) => c.publish(front, '', Buffer.from('ok')))).toEqual({ [q]: ['ok'] });
    const bad = await s.channel();
    const closed = nextClose(bad);
    bad.publish(inner, '', Buffer.from('refused'));
    expect(await closed).toEqual({ code: 403, text: `ACCESS_REFUSED - cannot publish to internal exchange '${inner}' in vhost '/'` });
  });

  it('auto-delete exchanges disappear when their last binding goes, not before', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'fanout', { durable: false, autoDelete: true });
    const [a, b] = (await queues(s, ch, 2)) as [string, string];
    await ch.bindQueue(a, x, '');
    await ch.bindQueue(b, x, '');
    await ch.unbindQueue(a, x, '');
    await expect((await s.channel()).checkExchange(x)).resolves.toBeDefined();
    await ch.deleteQueue(b);
    await waitFor(async () => (await refusal((await s.channel()).checkExchange(x)).catch(() => null)) !== null, 3000, 'exchange deletion');
  });

  it('exchange.delete if-unused refuses while bindings exist', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'direct', { durable: false });
    const [q] = (await queues(s, ch, 1)) as [string];
    await ch.bindQueue(q, x, 'k');
    expect(await refusal((await s.channel()).deleteExchange(x, { ifUnused: true }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - exchange '${x}' in vhost '/' in use`,
    });
    await ch.unbindQueue(q, x, 'k');
    await expect(ch.deleteExchange(x, { ifUnused: true })).resolves.toBeDefined();
  });

  it('unbinding something that was never bound succeeds; e2e unbind stops the flow', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [src, dst] = [s.exchangeName('src'), s.exchangeName('dst')];
    await ch.assertExchange(src, 'fanout', { durable: false });
    await ch.assertExchange(dst, 'fanout', { durable: false });
    const [q] = (await queues(s, ch, 1)) as [string];
    await ch.bindQueue(q, dst, '');
    await ch.bindExchange(dst, src, '');
    await expect(ch.unbindQueue(q, src, 'never')).resolves.toBeDefined();
    expect(await route(s, [q], (c) => c.publish(src, '', Buffer.from('1')))).toEqual({ [q]: ['1'] });
    await ch.unbindExchange(dst, src, '');
    expect(await route(s, [q], (c) => c.publish(src, '', Buffer.from('2')))).toEqual({ [q]: [] });
  });
});
