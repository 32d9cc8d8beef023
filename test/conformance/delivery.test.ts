import type { ConsumeMessage, GetMessage } from 'amqplib';
import { expect, it } from 'vitest';
import { nextClose, refusal } from './support/errors.js';
import { body, drain, getN, sleep, waitFor, waitForDepth } from './support/messages.js';
import { txCommit, txRollback, txSelect } from './support/rpc-methods.js';
import { forEachTarget } from './support/targets.js';

/** Issue section 6: delivery, acknowledgements, flow control, confirms, transactions, direct reply-to. */
forEachTarget((ctx) => {
  async function filled(messages: string[]) {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q);
    for (const m of messages) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    return { s, q, ch };
  }

  it('keeps every basic property and header field type across the broker', async () => {
    const { s, q } = await filled([]);
    const ch = await s.confirmChannel();
    const headers = {
      str: 'text',
      byte: 7,
      short: 1000,
      int: 100000,
      long: 2 ** 40,
      double: 1.5,
      bool: false,
      void: null,
      bytes: Buffer.from([0, 1, 254, 255]),
      array: ['a', 1, true, ['nested']],
      table: { inner: { deeper: 'x' }, n: 2 },
      ts: { '!': 'timestamp', value: 1_700_000_000 },
      dec: { '!': 'decimal', value: { places: 2, digits: 12345 } },
      float: { '!': 'float', value: 0.5 },
    };
    ch.sendToQueue(q, Buffer.from('payload'), {
      contentType: 'application/json',
      contentEncoding: 'gzip',
      headers,
      deliveryMode: 2,
      priority: 3,
      correlationId: 'corr',
      replyTo: 'reply',
      expiration: '60000',
      messageId: 'mid',
      timestamp: 1_700_000_001,
      type: 'kind',
      userId: 'guest',
      appId: 'app',
    });
    await ch.waitForConfirms();
    const m = await ch.get(q, { noAck: true });
    if (m === false) throw new Error('no message');
    expect(m.properties).toEqual({
      contentType: 'application/json',
      contentEncoding: 'gzip',
      headers: {
        ...headers,
        float: 0.5,
      },
      deliveryMode: 2,
      priority: 3,
      correlationId: 'corr',
      replyTo: 'reply',
      expiration: '60000',
      messageId: 'mid',
      timestamp: 1_700_000_001,
      type: 'kind',
      userId: 'guest',
      appId: 'app',
      clusterId: undefined,
    });
  });

  it('carries empty bodies and bodies larger than frame_max intact', async () => {
    const { s, q } = await filled([]);
    const ch = await s.confirmChannel();
    const big = Buffer.alloc(1_000_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 256;
    ch.sendToQueue(q, Buffer.alloc(0));
    ch.sendToQueue(q, big);
    await ch.waitForConfirms();
    const [empty, large] = await drain(ch, q);
    expect(empty?.content.length).toBe(0);
    expect(large?.content.equals(big)).toBe(true);
  });

  it('round-robins across consumers', async () => {
    const { s, q } = await filled([]);
    const ch = await s.channel();
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(`a:${body(m)}`), { noAck: true });
    await ch.consume(q, (m) => m && got.push(`b:${body(m)}`), { noAck: true });
    const pub = await s.confirmChannel();
    for (const m of ['1', '2', '3', '4']) pub.sendToQueue(q, Buffer.from(m));
    await pub.waitForConfirms();
    await waitFor(() => got.length === 4, 3000, 'deliveries');
    expect(got).toEqual(['a:1', 'b:2', 'a:3', 'b:4']);
  });

  it('basic.qos per consumer caps each consumer; global caps the channel; both apply together', async () => {
    const { s, q } = await filled(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const ch = await s.channel();
    await ch.prefetch(2, false);
    await ch.prefetch(3, true);
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(`a:${body(m)}`));
    await ch.consume(q, (m) => m && got.push(`b:${body(m)}`));
    await waitFor(() => got.length >= 3, 3000, 'deliveries up to the limits');
    await sleep(300);
    expect(got).toEqual(['a:1', 'a:2', 'b:3']);
    const solo = await s.channel();
    await solo.prefetch(4);
    const soloGot: string[] = [];
    await solo.consume(q, (m) => m && soloGot.push(body(m)));
    await waitFor(() => soloGot.length >= 4, 3000, 'deliveries up to the prefetch');
    await sleep(300);
    expect(soloGot).toEqual(['4', '5', '6', '7']);
  });

  it('a per-consumer basic.qos after a global one lifts the global limit (rabbit_limiter:unlimit_prefetch)', async () => {
    const { s, q } = await filled(['1', '2', '3', '4', '5', '6']);
    const ch = await s.channel();
    await ch.prefetch(3, true);
    await ch.prefetch(2, false);
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(`a:${body(m)}`));
    await ch.consume(q, (m) => m && got.push(`b:${body(m)}`));
    await waitFor(() => got.length >= 4, 3000, 'deliveries up to the per-consumer limits');
    await sleep(300);
    expect(got).toEqual(['a:1', 'a:2', 'b:3', 'b:4']);
  });

  it('a new per-consumer basic.qos applies to consumers started after it, not to running ones', async () => {
    const { s, q } = await filled(['1', '2', '3', '4', '5']);
    const ch = await s.channel();
    await ch.prefetch(1);
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(`a:${body(m)}`));
    await waitFor(() => got.length >= 1, 3000, 'first delivery');
    await ch.prefetch(3);
    await sleep(300);
    expect(got).toEqual(['a:1']);
    await ch.consume(q, (m) => m && got.push(`b:${body(m)}`));
    await waitFor(() => got.length >= 4, 3000, 'deliveries to the new consumer');
    await sleep(300);
    expect(got).toEqual(['a:1', 'b:2', 'b:3', 'b:4']);
  });

  it('basic.get reports how many messages remain; an empty queue answers get-empty', async () => {
    const { q, ch } = await filled(['1', '2', '3']);
    const first = await ch.get(q, { noAck: true });
    expect(first && [body(first), first.fields.messageCount, first.fields.redelivered]).toEqual(['1', 2, false]);
    await drain(ch, q);
    expect(await ch.get(q)).toBe(false);
  });

  it('ack with multiple acknowledges everything up to the tag', async () => {
    const { s, q, ch } = await filled(['1', '2', '3', '4']);
    const c = await s.channel();
    const got = await getN(c, q, 3);
    c.ack(got[1] as GetMessage, true);
    await c.close();
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([
      ['3', true],
      ['4', false],
    ]);
  });

  it('nack and reject with requeue put messages back in their original position, marked redelivered', async () => {
    const { s, q, ch } = await filled(['1', '2', '3']);
    const c = await s.channel();
    const [m1, m2] = (await getN(c, q, 2)) as [GetMessage, GetMessage];
    c.reject(m2, true);
    c.nack(m1, false, true);
    await waitForDepth(ch, q, 3);
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([
      ['1', true],
      ['2', true],
      ['3', false],
    ]);
  });

  it('nack multiple with requeue puts back only the unacknowledged ones, in order', async () => {
    const { s, q, ch } = await filled(['1', '2', '3', '4', '5']);
    const c = await s.channel();
    const got = await getN(c, q, 4);
    c.ack(got[1] as GetMessage);
    c.nack(got[3] as GetMessage, true, true);
    await waitForDepth(ch, q, 4);
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([
      ['1', true],
      ['3', true],
      ['4', true],
      ['5', false],
    ]);
  });

  it('nack multiple without requeue discards; reject without requeue discards', async () => {
    const { s, q, ch } = await filled(['1', '2', '3', '4']);
    const c = await s.channel();
    const got = await getN(c, q, 3);
    c.nack(got[1] as GetMessage, true, false);
    c.reject(got[2] as GetMessage, false);
    await waitForDepth(ch, q, 1);
    expect((await drain(ch, q)).map(body)).toEqual(['4']);
  });

  it('basic.recover redelivers unacknowledged messages', async () => {
    const { s, q } = await filled(['1', '2']);
    const c = await s.channel();
    const got: [string, boolean][] = [];
    await c.consume(q, (m) => m && got.push([body(m), m.fields.redelivered]));
    await waitFor(() => got.length === 2, 3000, 'first deliveries');
    await c.recover();
    await waitFor(() => got.length === 4, 3000, 'redeliveries');
    expect(got).toEqual([
      ['1', false],
      ['2', false],
      ['1', true],
      ['2', true],
    ]);
  });

  it('closing a channel or a connection requeues its unacknowledged messages in order', async () => {
    const { s, q, ch } = await filled(['1', '2', '3']);
    const conn = await s.connect();
    const c = await s.channel(conn);
    await c.get(q);
    await c.get(q);
    await conn.close();
    await waitForDepth(ch, q, 3);
    const c2 = await s.channel();
    await c2.get(q);
    await c2.close();
    await waitForDepth(ch, q, 3);
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([
      ['1', true],
      ['2', true],
      ['3', false],
    ]);
  });

  it('basic.cancel stops deliveries; deleting the queue notifies the consumer (consumer_cancel_notify)', async () => {
    const { s, q } = await filled([]);
    const ch = await s.channel();
    const events: (string | null)[] = [];
    await ch.consume(q, (m) => events.push(m === null ? null : body(m)), { noAck: true });
    await (await s.channel()).deleteQueue(q);
    await waitFor(() => events.length === 1, 3000, 'cancel notification');
    expect(events).toEqual([null]);
  });

  it('basic.cancel stops a consumer; its unacknowledged messages stay with it, new ones go to the others', async () => {
    const { s, q } = await filled([]);
    const ch = await s.channel();
    const got: string[] = [];
    const a = await ch.consume(q, (m) => m && got.push(`a:${body(m)}`));
    await ch.consume(q, (m) => m && got.push(`b:${body(m)}`), { noAck: true });
    const pub = await s.confirmChannel();
    pub.sendToQueue(q, Buffer.from('1'));
    pub.sendToQueue(q, Buffer.from('2'));
    await pub.waitForConfirms();
    await waitFor(() => got.length === 2, 3000, 'deliveries');
    await ch.cancel(a.consumerTag);
    for (const m of ['3', '4']) pub.sendToQueue(q, Buffer.from(m));
    await pub.waitForConfirms();
    await waitFor(() => got.length === 4, 3000, 'deliveries after cancel');
    expect(got).toEqual(['a:1', 'b:2', 'b:3', 'b:4']);
    expect((await (await s.channel()).checkQueue(q)).messageCount).toBe(0);
  });

  it('an exclusive consumer locks out other consumers with 403', async () => {
    const { s, q } = await filled([]);
    await (await s.channel()).consume(q, () => undefined, { exclusive: true });
    expect(await refusal((await s.channel()).consume(q, () => undefined))).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - queue '${q}' in vhost '/' in exclusive use`,
    });
    const { s: s2, q: q2 } = await filled([]);
    await (await s2.channel()).consume(q2, () => undefined);
    expect(await refusal((await s2.channel()).consume(q2, () => undefined, { exclusive: true }))).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - queue '${q2}' in vhost '/' in exclusive use`,
    });
  });

  it('an exclusive consumer releases the queue when its channel closes', async () => {
    const { s, q } = await filled([]);
    const owner = await s.channel();
    await owner.consume(q, () => undefined, { exclusive: true });
    await owner.close();
    await expect((await s.channel()).consume(q, () => undefined, { exclusive: true })).resolves.toMatchObject({ consumerTag: expect.any(String) });
  });

  it('single active consumer: when the active consumer\'s channel closes, its unacked messages go to the next consumer', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-single-active-consumer': true } });
    const first = await s.channel();
    const firstGot: string[] = [];
    await first.consume(q, (m) => m && firstGot.push(body(m)));
    const second = await s.channel();
    const secondGot: [string, boolean][] = [];
    await second.consume(q, (m) => m && secondGot.push([body(m), m.fields.redelivered]), { noAck: true });
    for (const m of ['1', '2']) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    await waitFor(() => firstGot.length === 2, 3000, 'deliveries to the active consumer');
    await first.close();
    await waitFor(() => secondGot.length === 2, 3000, 'redeliveries to the next consumer');
    expect(secondGot).toEqual([
      ['1', true],
      ['2', true],
    ]);
  });

  it('no-ack consumers take messages off the queue at once', async () => {
    const { s, q, ch } = await filled(['1', '2', '3']);
    const c = await s.channel();
    await c.prefetch(1);
    const got: string[] = [];
    await c.consume(q, (m) => m && got.push(body(m)), { noAck: true });
    await waitFor(() => got.length === 3, 3000, 'deliveries');
    expect((await ch.checkQueue(q)).messageCount).toBe(0);
  });

  it('publisher confirms ack routed and unroutable messages alike, in order', async () => {
    const { s, q } = await filled([]);
    const ch = await s.confirmChannel();
    const acks: number[] = [];
    ch.on('ack', (f: { deliveryTag: number }) => acks.push(f.deliveryTag));
    const results = await Promise.all(
      [q, s.name('nobody'), q].map(
        (key) => new Promise<string>((resolve) => ch.publish('', key, Buffer.from('m'), {}, (err) => resolve(err ? 'nack' : 'ack'))),
      ),
    );
    expect(results).toEqual(['ack', 'ack', 'ack']);
    expect(Math.max(...acks)).toBe(3);
  });

  it('transactions: publishes and acks take effect on commit and vanish on rollback', async () => {
    const { s, q, ch } = await filled(['kept']);
    const tx = await s.channel();
    await txSelect(tx);
    tx.sendToQueue(q, Buffer.from('rolled-back'));
    await txRollback(tx);
    tx.sendToQueue(q, Buffer.from('committed'));
    const m = await tx.get(q);
    if (m === false) throw new Error('no message');
    tx.ack(m);
    await txRollback(tx);
    expect((await ch.checkQueue(q)).messageCount).toBe(0);
    tx.ack(m);
    await txCommit(tx);
    await waitForDepth(ch, q, 0);
    tx.sendToQueue(q, Buffer.from('committed'));
    await txCommit(tx);
    expect((await drain(ch, q)).map(body)).toEqual(['committed']);
  });

  it('direct reply-to: an RPC round trip without a reply queue', async () => {
    const s = ctx.session();
    const server = await s.channel();
    const rpcQueue = s.queueName('rpc');
    await server.assertQueue(rpcQueue);
    await server.consume(rpcQueue, (m) => {
      if (m === null) return;
      server.publish('', m.properties.replyTo as string, Buffer.from(body(m).toUpperCase()), {
        correlationId: m.properties.correlationId as string,
      });
      server.ack(m);
    });
    const client = await s.channel();
    let answered: (m: ConsumeMessage) => void = () => undefined;
    const reply = new Promise<ConsumeMessage>((resolve) => {
      answered = resolve;
    });
    await client.consume('amq.rabbitmq.reply-to', (m) => m && answered(m), { noAck: true });
    client.sendToQueue(rpcQueue, Buffer.from('ping'), { replyTo: 'amq.rabbitmq.reply-to', correlationId: 'c1' });
    const r = await reply;
    expect([body(r), r.properties.correlationId]).toEqual(['PING', 'c1']);
    expect(r.fields.routingKey).toMatch(/^amq\.rabbitmq\.reply-to\./);
  });

  it('direct reply-to must be consumed in no-ack mode, and used on the consuming channel', async () => {
    const s = ctx.session();
    expect(await refusal((await s.channel()).consume('amq.rabbitmq.reply-to', () => undefined, { noAck: false }))).toEqual({
      code: 406,
      text: 'PRECONDITION_FAILED - reply consumer cannot acknowledge',
    });
    const ch = await s.channel();
    const closed = nextClose(ch);
    ch.sendToQueue(s.name('rpc'), Buffer.from('x'), { replyTo: 'amq.rabbitmq.reply-to' });
    expect(await closed).toEqual({ code: 406, text: 'PRECONDITION_FAILED - fast reply consumer does not exist' });
  });
});
