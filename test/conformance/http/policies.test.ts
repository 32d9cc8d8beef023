import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { forEachTarget } from '../support/targets.js';
import { api } from './http-support.js';

/**
 * Policies applied by both brokers with the same effects: each scenario runs
 * in a vhost of its own (a policy's pattern must not reach other suites'
 * queues), sets policies over HTTP and observes the effect over AMQP.
 */
forEachTarget((ctx) => {
  const http = () => ctx.target.managementUrl;
  let vhost: string;
  let V: string;
  let conn: ChannelModel;
  let ch: ConfirmChannel;
  let n = 0;

  beforeEach(async () => {
    vhost = `warren-policy-${process.pid}-${Date.now().toString(36)}-${n++}`;
    V = encodeURIComponent(vhost);
    expect((await api(http(), 'PUT', `/api/vhosts/${V}`)).status).toBe(201);
    conn = await amqp.connect(ctx.target.url({ vhost }));
    ch = await conn.createConfirmChannel();
  });

  afterEach(async () => {
    await conn.close().catch(() => undefined);
    await api(http(), 'DELETE', `/api/vhosts/${V}`);
  });

  const policy = async (name: string, body: Record<string, unknown>) => {
    const r = await api(http(), 'PUT', `/api/policies/${V}/${name}`, { body });
    expect(r.status, r.text).toBe(201);
    // RabbitMQ applies policies asynchronously.
    await new Promise((res) => setTimeout(res, 300));
  };
  const publish = async (queue: string, count: number) => {
    const outcomes: boolean[] = [];
    for (let i = 0; i < count; i++) {
      outcomes.push(await new Promise<boolean>((resolve) => ch.sendToQueue(queue, Buffer.from(`m${i}`), {}, (err) => resolve(!err))));
    }
    return outcomes;
  };
  const depth = async (queue: string) => (await ch.checkQueue(queue)).messageCount;

  it('max-length from a policy; with an argument too, the lower of the two applies', async () => {
    await ch.assertQueue('p.none');
    await ch.assertQueue('p.argHigher', { arguments: { 'x-max-length': 3 } });
    await ch.assertQueue('p.argLower', { arguments: { 'x-max-length': 1 } });
    await policy('len', { pattern: '^p\\.', 'apply-to': 'queues', definition: { 'max-length': 2 } });
    for (const q of ['p.none', 'p.argHigher', 'p.argLower']) await publish(q, 5);
    expect([await depth('p.none'), await depth('p.argHigher'), await depth('p.argLower')]).toEqual([2, 2, 1]);
  });

  it('a policy lowering max-length trims the queue at once', async () => {
    await ch.assertQueue('trim.q');
    await publish('trim.q', 5);
    await policy('trim', { pattern: '^trim\\.', definition: { 'max-length': 2 } });
    expect(await depth('trim.q')).toBe(2);
    const head = await ch.get('trim.q', { noAck: true });
    expect(head && head.content.toString()).toBe('m3');
  });

  it('message-ttl: the lower of policy and argument', async () => {
    await ch.assertQueue('t.q', { arguments: { 'x-message-ttl': 60000 } });
    await policy('ttl', { pattern: '^t\\.', definition: { 'message-ttl': 100 } });
    await publish('t.q', 2);
    await new Promise((res) => setTimeout(res, 400));
    expect(await depth('t.q')).toBe(0);
  });

  it('overflow reject-publish from a policy: the publish over the limit is nacked', async () => {
    await ch.assertQueue('o.q');
    await policy('ovf', { pattern: '^o\\.', definition: { 'max-length': 1, overflow: 'reject-publish' } });
    expect(await publish('o.q', 2)).toEqual([true, false]);
    expect(await depth('o.q')).toBe(1);
  });

  it('dead-letter-exchange: the queue argument wins over the policy', async () => {
    await ch.assertExchange('dlx.policy', 'fanout');
    await ch.assertExchange('dlx.arg', 'fanout');
    await ch.assertQueue('dead.policy');
    await ch.assertQueue('dead.arg');
    await ch.bindQueue('dead.policy', 'dlx.policy', '');
    await ch.bindQueue('dead.arg', 'dlx.arg', '');
    await ch.assertQueue('d.plain');
    await ch.assertQueue('d.witharg', { arguments: { 'x-dead-letter-exchange': 'dlx.arg' } });
    await policy('dlx', { pattern: '^d\\.', 'apply-to': 'queues', definition: { 'dead-letter-exchange': 'dlx.policy' } });
    await publish('d.plain', 1);
    await publish('d.witharg', 1);
    for (const q of ['d.plain', 'd.witharg']) {
      const m = await ch.get(q, { noAck: false });
      expect(m).not.toBe(false);
      ch.nack(m as amqp.GetMessage, false, false);
    }
    await new Promise((res) => setTimeout(res, 200));
    expect([await depth('dead.policy'), await depth('dead.arg')]).toEqual([1, 1]);
    const viaArg = await ch.get('dead.arg', { noAck: true });
    expect(viaArg && (viaArg.properties.headers?.['x-death'] as { queue: string }[] | undefined)?.[0]?.queue).toBe('d.witharg');
  });

  it('alternate-exchange from a policy on exchanges; the argument wins', async () => {
    await ch.assertExchange('ae.p', 'fanout');
    await ch.assertExchange('ae.a', 'fanout');
    await ch.assertQueue('ae.pq');
    await ch.assertQueue('ae.aq');
    await ch.bindQueue('ae.pq', 'ae.p', '');
    await ch.bindQueue('ae.aq', 'ae.a', '');
    await ch.assertExchange('src.plain', 'direct');
    await ch.assertExchange('src.arg', 'direct', { arguments: { 'alternate-exchange': 'ae.a' } });
    await policy('ae', { pattern: '^src\\.', 'apply-to': 'exchanges', definition: { 'alternate-exchange': 'ae.p' } });
    ch.publish('src.plain', 'nobody', Buffer.from('1'));
    ch.publish('src.arg', 'nobody', Buffer.from('2'));
    await ch.waitForConfirms();
    expect([await depth('ae.pq'), await depth('ae.aq')]).toEqual([1, 1]);
  });

  it('apply-to and priority decide which policy a queue gets; deleting it lifts the limit', async () => {
    await ch.assertQueue('x.q');
    await policy('for-exchanges', { pattern: '^x\\.', 'apply-to': 'exchanges', priority: 10, definition: { 'alternate-exchange': 'nowhere' } });
    await policy('low', { pattern: '^x\\.', 'apply-to': 'queues', priority: 1, definition: { 'max-length': 3 } });
    await policy('high', { pattern: '^x\\.q$', 'apply-to': 'all', priority: 5, definition: { 'max-length': 1 } });
    await publish('x.q', 3);
    expect(await depth('x.q')).toBe(1);
    expect((await api(http(), 'DELETE', `/api/policies/${V}/high`)).status).toBe(204);
    await new Promise((res) => setTimeout(res, 300));
    await publish('x.q', 5);
    expect(await depth('x.q')).toBe(3);
    expect((await api(http(), 'DELETE', `/api/policies/${V}/high`)).status).toBe(404);
  });

  it('the queue view names the policy and its effective definition', async () => {
    await ch.assertQueue('v.q');
    await policy('view', { pattern: '^v\\.', 'apply-to': 'queues', definition: { 'max-length': 7, 'alternate-exchange': 'ignored-for-queues' } });
    const end = Date.now() + 15_000;
    let row: unknown;
    do {
      row = (await api(http(), 'GET', `/api/queues/${V}/v.q?columns=policy,effective_policy_definition`)).json;
      if ((row as { policy?: unknown }).policy === 'view') break;
      await new Promise((res) => setTimeout(res, 250));
    } while (Date.now() < end);
    expect(row).toEqual({ policy: 'view', effective_policy_definition: { 'max-length': 7, 'alternate-exchange': 'ignored-for-queues' } });
    expect((await api(http(), 'GET', `/api/policies/${V}/view`)).json).toEqual({
      vhost, name: 'view', pattern: '^v\\.', 'apply-to': 'queues', definition: { 'max-length': 7, 'alternate-exchange': 'ignored-for-queues' }, priority: 0,
    });
  });

  it('invalid policies are refused with RabbitMQ\'s reasons', async () => {
    const cases: [unknown, string][] = [
      [{ pattern: '^a', definition: { 'max-lengthx': 1 } }, 'Validation failed\n\n[{&lt;&lt;"max-lengthx"&gt;&gt;,1}] are not recognised policy settings\n'],
      [{ pattern: '^a', definition: { 'max-length': 'a', expires: 0 } }, 'Validation failed\n\n0 is not a valid queue expiry\n'],
      [{ pattern: '^a', definition: {} }, 'Validation failed\n\nno policy provided\n'],
      [{ pattern: '^a', definition: { 'max-length': 1 }, 'apply-to': 'x' }, "Validation failed\n\napply-to 'x' unrecognised; should be 'queues', 'exchanges' or 'all'\n"],
      [{ pattern: '^a', definition: { 'max-length': 1 }, priority: 'x' }, 'Validation failed\n\npriority should be a number, actually was &lt;&lt;"x"&gt;&gt;\n'],
      [{ pattern: '^a', definition: { overflow: 'x' } }, 'Validation failed\n\n&lt;&lt;"x"&gt;&gt; is not a valid overflow value\n'],
      [{ pattern: '^a', definition: { 'dead-letter-exchange': 1 } }, 'Validation failed\n\n1 is not a valid dead letter exchange name\n'],
      [{ definition: { 'max-length': 1 } }, '[{key_missing,pattern}]'],
    ];
    for (const [body, reason] of cases) {
      const r = await api(http(), 'PUT', `/api/policies/${V}/bad`, { body });
      expect({ status: r.status, body: r.json }).toEqual({ status: 400, body: { error: 'bad_request', reason } });
    }
  });
});
