import { expect, it } from 'vitest';
import { refusal } from './support/errors.js';
import { body, collect, drain, sleep, waitFor, waitForDepth } from './support/messages.js';
import { forEachTarget } from './support/targets.js';

/** Issue section 5: queue properties and every argument. */
forEachTarget((ctx) => {
  it('names server-named queues amq.gen-… and reports counts on passive declare', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    expect(queue).toMatch(/^amq\.gen-[A-Za-z0-9_-]{22}$/);
    ch.sendToQueue(queue, Buffer.from('a'));
    ch.sendToQueue(queue, Buffer.from('b'));
    await waitForDepth(ch, queue, 2);
    await ch.consume(queue, () => undefined, { noAck: false });
    await ch.prefetch(1);
    const other = await s.channel();
    expect(await other.checkQueue(queue)).toMatchObject({ queue, consumerCount: 1 });
  });

  it('deletes an exclusive queue when its connection closes', async () => {
    const s = ctx.session();
    const conn = await s.connect();
    const q = s.queueName();
    await (await s.channel(conn)).assertQueue(q, { exclusive: true });
    await conn.close();
    await waitFor(async () => (await (await s.channel()).checkQueue(q).then(() => false, () => true)), 3000, 'exclusive queue deletion');
  });

  it('deletes an auto-delete queue when its last consumer goes, not before it had one', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { autoDelete: true });
    const a = await ch.consume(q, () => undefined);
    const b = await ch.consume(q, () => undefined);
    await ch.cancel(a.consumerTag);
    expect(await (await s.channel()).checkQueue(q)).toMatchObject({ consumerCount: 1 });
    await ch.cancel(b.consumerTag);
    await waitFor(async () => (await (await s.channel()).checkQueue(q).then(() => false, () => true)), 3000, 'auto-delete');
  });

  it('delete if-unused / if-empty refuse with 406; delete and purge return the message count', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q);
    for (const m of ['1', '2', '3']) ch.sendToQueue(q, Buffer.from(m));
    await waitForDepth(ch, q, 3);
    expect(await refusal((await s.channel()).deleteQueue(q, { ifEmpty: true }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - queue '${q}' in vhost '/' not empty`,
    });
    const consumerCh = await s.channel();
    const c = await consumerCh.consume(q, () => undefined, { noAck: false });
    await consumerCh.prefetch(1);
    expect(await refusal((await s.channel()).deleteQueue(q, { ifUnused: true }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - queue '${q}' in vhost '/' in use`,
    });
    await consumerCh.close();
    await waitForDepth(ch, q, 3);
    expect(await ch.purgeQueue(q)).toEqual({ messageCount: 3 });
    ch.sendToQueue(q, Buffer.from('4'));
    await waitForDepth(ch, q, 1);
    expect(await ch.deleteQueue(q)).toEqual({ messageCount: 1 });
    expect(c.consumerTag).toBeTruthy();
  });

  it('x-message-ttl: expired messages are never delivered', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-message-ttl': 200 } });
    ch.sendToQueue(q, Buffer.from('old'));
    await sleep(400);
    ch.sendToQueue(q, Buffer.from('fresh'));
    expect((await drain(ch, q)).map(body)).toEqual(['fresh']);
  });

  it('per-message expiration: each message expires on its own; expiration 0 is dropped unless delivered at once', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q);
    ch.sendToQueue(q, Buffer.from('short'), { expiration: '100' });
    ch.sendToQueue(q, Buffer.from('long'), { expiration: '60000' });
    ch.sendToQueue(q, Buffer.from('zero'), { expiration: '0' });
    ch.sendToQueue(q, Buffer.from('forever'));
    await sleep(300);
    expect((await drain(ch, q)).map((m) => [body(m), m.properties.expiration])).toEqual([
      ['long', '60000'],
      ['forever', undefined],
    ]);
  });

  it('the shorter of queue TTL and per-message expiration applies', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [longQueue, shortQueue] = [s.queueName('long-ttl'), s.queueName('short-ttl')];
    await ch.assertQueue(longQueue, { arguments: { 'x-message-ttl': 60000 } });
    await ch.assertQueue(shortQueue, { arguments: { 'x-message-ttl': 100 } });
    ch.sendToQueue(longQueue, Buffer.from('short-message'), { expiration: '100' });
    ch.sendToQueue(longQueue, Buffer.from('kept'));
    ch.sendToQueue(shortQueue, Buffer.from('long-message'), { expiration: '60000' });
    await ch.waitForConfirms();
    await sleep(400);
    expect((await drain(ch, longQueue)).map(body)).toEqual(['kept']);
    expect(await drain(ch, shortQueue)).toEqual([]);
  });

  it('purge removes ready messages only; unacknowledged ones come back when their channel closes', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q);
    for (const m of ['1', '2', '3']) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    const holder = await s.channel();
    await holder.get(q);
    expect(await ch.purgeQueue(q)).toEqual({ messageCount: 2 });
    await holder.close();
    await waitForDepth(ch, q, 1);
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([['1', true]]);
  });

  it('x-max-length 0: drop-head drops everything, reject-publish nacks everything', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [dropping, rejecting] = [s.queueName('drop'), s.queueName('reject')];
    await ch.assertQueue(dropping, { arguments: { 'x-max-length': 0 } });
    await ch.assertQueue(rejecting, { arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
    const outcome = (q: string) =>
      new Promise<string>((resolve) => ch.sendToQueue(q, Buffer.from('m'), {}, (err) => resolve(err ? 'nack' : 'ack')));
    expect([await outcome(dropping), await outcome(rejecting)]).toEqual(['ack', 'nack']);
    expect([(await ch.checkQueue(dropping)).messageCount, (await ch.checkQueue(rejecting)).messageCount]).toEqual([0, 0]);
  });

  it('x-expires: a passive declare renews the lease; an unused queue is deleted after the period', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-expires': 1000 } });
    for (let i = 0; i < 6; i++) {
      await sleep(250);
      await ch.checkQueue(q);
    }
    await sleep(2000);
    expect(await refusal((await s.channel()).checkQueue(q))).toEqual({ code: 404, text: `NOT_FOUND - no queue '${q}' in vhost '/'` });
  });

  it('x-max-length with drop-head (the default) drops the oldest', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-max-length': 2 } });
    for (const m of ['1', '2', '3', '4']) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    expect((await drain(ch, q)).map(body)).toEqual(['3', '4']);
  });

  it('x-max-length-bytes counts body bytes', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-max-length-bytes': 10 } });
    for (const m of ['aaaa', 'bbbb', 'cccc']) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    expect((await drain(ch, q)).map(body)).toEqual(['bbbb', 'cccc']);
  });

  it('x-overflow reject-publish: nacks what does not fit and keeps the oldest', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-max-length': 2, 'x-overflow': 'reject-publish' } });
    const outcomes = await Promise.all(
      ['1', '2', '3'].map(
        (m) =>
          new Promise<string>((resolve) => {
            ch.sendToQueue(q, Buffer.from(m), {}, (err) => resolve(err ? 'nack' : 'ack'));
          }),
      ),
    );
    expect(outcomes).toEqual(['ack', 'ack', 'nack']);
    expect((await drain(ch, q)).map(body)).toEqual(['1', '2']);
  });

  it('x-overflow reject-publish: one full queue nacks the publish, the other queues still take it', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const x = s.exchangeName();
    await ch.assertExchange(x, 'fanout', { durable: false });
    const [full, open] = [s.queueName('full'), s.queueName('open')];
    await ch.assertQueue(full, { arguments: { 'x-max-length': 0, 'x-overflow': 'reject-publish' } });
    await ch.assertQueue(open);
    await ch.bindQueue(full, x, '');
    await ch.bindQueue(open, x, '');
    const outcome = await new Promise<string>((resolve) => ch.publish(x, '', Buffer.from('m'), {}, (err) => resolve(err ? 'nack' : 'ack')));
    expect(outcome).toBe('nack');
    await waitForDepth(ch, open, 1);
    expect((await ch.checkQueue(full)).messageCount).toBe(0);
  });

  it('x-overflow reject-publish-dlx: nacks and dead-letters what does not fit', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [q, dlq] = [s.queueName('main'), s.queueName('dead')];
    await ch.assertQueue(dlq);
    await ch.assertQueue(q, {
      arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish-dlx', 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq },
    });
    const nacked = await new Promise<boolean>((resolve) => {
      ch.sendToQueue(q, Buffer.from('1'));
      ch.sendToQueue(q, Buffer.from('2'), {}, (err) => resolve(err !== null && err !== undefined));
    });
    expect(nacked).toBe(true);
    await waitForDepth(ch, dlq, 1);
    const [dead] = await drain(ch, dlq);
    expect(dead && body(dead)).toBe('2');
    expect(dead?.properties.headers?.['x-death']).toMatchObject([{ reason: 'maxlen', queue: q, count: 1 }]);
  });

  it('x-max-length drop-head dead-letters the dropped message with reason maxlen', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [q, dlq] = [s.queueName('main'), s.queueName('dead')];
    await ch.assertQueue(dlq);
    await ch.assertQueue(q, { arguments: { 'x-max-length': 1, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
    for (const m of ['1', '2']) ch.sendToQueue(q, Buffer.from(m));
    await ch.waitForConfirms();
    await waitForDepth(ch, dlq, 1);
    const [dead] = await drain(ch, dlq);
    expect(dead && body(dead)).toBe('1');
    expect(dead?.properties.headers?.['x-death']).toMatchObject([{ reason: 'maxlen', queue: q, count: 1, 'routing-keys': [q] }]);
    expect((await drain(ch, q)).map(body)).toEqual(['2']);
  });

  it("dead-lettering on reject, expiry and overflow, with RabbitMQ's x-death and x-first-death-* headers", async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const dlx = s.exchangeName('dlx');
    await ch.assertExchange(dlx, 'topic', { durable: false });
    const [work, dead] = [s.queueName('work'), s.queueName('dead')];
    await ch.assertQueue(dead);
    await ch.bindQueue(dead, dlx, '#');
    await ch.assertQueue(work, { arguments: { 'x-dead-letter-exchange': dlx, 'x-message-ttl': 60000 } });
    ch.publish('', work, Buffer.from('rejected'), { headers: { keep: 'me' } });
    await ch.waitForConfirms();
    const m = await ch.get(work);
    if (m === false) throw new Error('no message');
    ch.reject(m, false);
    await waitForDepth(ch, dead, 1);
    const [d] = await drain(ch, dead);
    const h = d?.properties.headers ?? {};
    expect(d && body(d)).toBe('rejected');
    expect(d?.fields).toMatchObject({ exchange: dlx, routingKey: work });
    expect(h.keep).toBe('me');
    expect(Object.keys(h).sort()).toEqual(['keep', 'x-death', 'x-first-death-exchange', 'x-first-death-queue', 'x-first-death-reason']);
    expect(h['x-first-death-reason']).toBe('rejected');
    expect(h['x-first-death-queue']).toBe(work);
    expect(h['x-first-death-exchange']).toBe('');
    const deaths = h['x-death'] as unknown as Record<string, unknown>[];
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatchObject({ count: 1, reason: 'rejected', queue: work, exchange: '', 'routing-keys': [work] });
    expect(Object.keys(deaths[0] ?? {}).sort()).toEqual(['count', 'exchange', 'queue', 'reason', 'routing-keys', 'time']);
    // A timestamp field (amqplib keeps the tag of timestamps), in seconds, close to now.
    const time = deaths[0]?.time as { '!': string; value: number };
    expect(time['!']).toBe('timestamp');
    expect(Math.abs(time.value - Date.now() / 1000)).toBeLessThan(60);
  });

  it('dead-lettering without a dead-letter routing key re-routes on all the original keys, CC included', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const dlx = s.exchangeName('dlx');
    await ch.assertExchange(dlx, 'direct', { durable: false });
    const [work, byKey, byCc] = [s.queueName('work'), s.queueName('by-key'), s.queueName('by-cc')];
    const other = s.name('other-key');
    await ch.assertQueue(work, { arguments: { 'x-dead-letter-exchange': dlx } });
    await ch.assertQueue(byKey);
    await ch.assertQueue(byCc);
    await ch.bindQueue(byKey, dlx, work);
    await ch.bindQueue(byCc, dlx, other);
    ch.sendToQueue(work, Buffer.from('m'), { headers: { CC: [other] } });
    await ch.waitForConfirms();
    const m = await ch.get(work);
    if (m === false) throw new Error('no message');
    ch.reject(m, false);
    await waitForDepth(ch, byCc, 1);
    const [viaKey] = await drain(ch, byKey);
    const [viaCc] = await drain(ch, byCc);
    expect([viaKey && body(viaKey), viaCc && body(viaCc)]).toEqual(['m', 'm']);
    expect(viaKey?.properties.headers?.['x-death']).toMatchObject([{ queue: work, reason: 'rejected', 'routing-keys': [work, other] }]);
  });

  it('a message whose TTL ran out while it was unacknowledged expires when requeued', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [q, dead] = [s.queueName('ttl'), s.queueName('dead')];
    await ch.assertQueue(dead);
    await ch.assertQueue(q, { arguments: { 'x-message-ttl': 200, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dead } });
    ch.sendToQueue(q, Buffer.from('m'));
    await ch.waitForConfirms();
    const holder = await s.channel();
    const m = await holder.get(q);
    if (m === false) throw new Error('no message');
    await sleep(400);
    holder.nack(m, false, true);
    await waitForDepth(ch, dead, 1);
    expect(await ch.get(q)).toBe(false);
    const [d] = await drain(ch, dead);
    expect(d?.properties.headers?.['x-death']).toMatchObject([{ queue: q, reason: 'expired', count: 1 }]);
  });

  it('x-dead-letter-routing-key replaces the key; expiry dead-letters with reason expired; cycles count up x-death', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [a, b] = [s.queueName('a'), s.queueName('b')];
    await ch.assertQueue(b, { arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': a } });
    await ch.assertQueue(a, { arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': b, 'x-message-ttl': 50 } });
    ch.sendToQueue(a, Buffer.from('m'), { expiration: '60000' });
    await ch.waitForConfirms();
    await waitForDepth(ch, b, 1);
    const first = await ch.get(b);
    if (first === false) throw new Error('no message');
    expect(first.properties.headers?.['x-death']).toMatchObject([{ reason: 'expired', queue: a, count: 1, 'routing-keys': [a] }]);
    expect(first.properties.expiration).toBeUndefined();
    expect(first.properties.headers?.['x-death']?.[0]?.['original-expiration']).toBe('60000');
    ch.reject(first, false);
    await waitForDepth(ch, b, 1, 5000);
    const second = await ch.get(b, { noAck: true });
    if (second === false) throw new Error('no message');
    const deaths = second.properties.headers?.['x-death'] as unknown as Record<string, unknown>[];
    expect(deaths.map((d) => [d.queue, d.reason, d.count])).toEqual([
      [a, 'expired', 2],
      [b, 'rejected', 1],
    ]);
    expect(second.properties.headers?.['x-first-death-reason']).toBe('expired');
  });

  it('an expiry-only dead-letter cycle drops the message when it comes back to a queue it died in', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const [a, b, watch] = [s.queueName('a'), s.queueName('b'), s.queueName('watch')];
    const fan = s.exchangeName('fan');
    await ch.assertExchange(fan, 'fanout', { durable: false });
    await ch.assertQueue(watch);
    await ch.bindQueue(watch, fan, '');
    await ch.assertQueue(a, { arguments: { 'x-message-ttl': 50, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': b } });
    await ch.assertQueue(b, { arguments: { 'x-message-ttl': 50, 'x-dead-letter-exchange': fan } });
    await ch.bindQueue(a, fan, '');
    ch.sendToQueue(a, Buffer.from('m'));
    await ch.waitForConfirms();
    await sleep(1000);
    const seen = await drain(ch, watch);
    expect(seen.map((m) => (m.properties.headers?.['x-death'] as unknown as { queue: string; reason: string; count: number }[]).map((d) => [d.queue, d.reason, d.count]))).toEqual([
      [
        [b, 'expired', 1],
        [a, 'expired', 1],
      ],
    ]);
    expect([(await ch.checkQueue(a)).messageCount, (await ch.checkQueue(b)).messageCount]).toEqual([0, 0]);
  });

  it('a dead-letter exchange that does not exist drops the message', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-dead-letter-exchange': s.exchangeName('absent') } });
    ch.sendToQueue(q, Buffer.from('m'));
    await waitForDepth(ch, q, 1);
    const m = await ch.get(q);
    if (m === false) throw new Error('no message');
    ch.reject(m, false);
    await waitForDepth(ch, q, 0);
  });

  it('x-message-ttl 0 delivers only to a consumer that is ready', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-message-ttl': 0 } });
    ch.sendToQueue(q, Buffer.from('nobody-waiting'));
    await sleep(200);
    expect(await ch.get(q)).toBe(false);
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(body(m)), { noAck: true });
    ch.sendToQueue(q, Buffer.from('consumer-waiting'));
    await waitFor(() => got.length === 1, 3000, 'delivery');
    expect(got).toEqual(['consumer-waiting']);
  });

  it('x-max-priority: higher priorities first, FIFO within one priority', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-max-priority': 5 } });
    for (const [m, priority] of [['a', 1], ['b', 5], ['c', 3], ['d', 9], ['e', 1], ['f', 0]] as const) {
      ch.sendToQueue(q, Buffer.from(m), { priority });
    }
    ch.sendToQueue(q, Buffer.from('g'));
    await ch.waitForConfirms();
    expect((await drain(ch, q)).map(body)).toEqual(['b', 'd', 'c', 'a', 'e', 'f', 'g']);
  });

  it('x-max-priority: a requeued message goes back ahead of lower priorities', async () => {
    const s = ctx.session();
    const ch = await s.confirmChannel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-max-priority': 9 } });
    for (const [m, priority] of [['low', 1], ['high', 8], ['mid', 5]] as const) ch.sendToQueue(q, Buffer.from(m), { priority });
    await ch.waitForConfirms();
    const holder = await s.channel();
    const first = await holder.get(q);
    expect(first && body(first)).toBe('high');
    ch.sendToQueue(q, Buffer.from('mid-2'), { priority: 5 });
    await ch.waitForConfirms();
    await holder.close();
    await waitForDepth(ch, q, 4);
    expect((await drain(ch, q)).map((m) => [body(m), m.fields.redelivered])).toEqual([
      ['high', true],
      ['mid', false],
      ['mid-2', false],
      ['low', false],
    ]);
  });

  it('x-single-active-consumer: a higher consumer priority does not take over from the active consumer', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-single-active-consumer': true } });
    const got: string[] = [];
    await ch.consume(q, (m) => m && got.push(`first:${body(m)}`), { noAck: true });
    await ch.consume(q, (m) => m && got.push(`urgent:${body(m)}`), { noAck: true, priority: 10 });
    for (const m of ['1', '2']) ch.sendToQueue(q, Buffer.from(m));
    await waitFor(() => got.length === 2, 3000, 'deliveries');
    expect(got).toEqual(['first:1', 'first:2']);
  });

  it('x-single-active-consumer: one consumer at a time, the next takes over on cancel', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q, { arguments: { 'x-single-active-consumer': true } });
    const got: string[] = [];
    const first = await ch.consume(q, (m) => m && got.push(`first:${body(m)}`), { noAck: true });
    await ch.consume(q, (m) => m && got.push(`second:${body(m)}`), { noAck: true });
    for (const m of ['1', '2', '3']) ch.sendToQueue(q, Buffer.from(m));
    await waitFor(() => got.length === 3, 3000, 'deliveries');
    await ch.cancel(first.consumerTag);
    ch.sendToQueue(q, Buffer.from('4'));
    await waitFor(() => got.length === 4, 3000, 'delivery after cancel');
    expect(got).toEqual(['first:1', 'first:2', 'first:3', 'second:4']);
  });

  it('consumer x-priority: the higher-priority consumer gets messages while it has capacity', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q);
    const low = await s.channel();
    const high = await s.channel();
    await high.prefetch(2);
    const got: string[] = [];
    await low.consume(q, (m) => m && got.push(`low:${body(m)}`), { noAck: true });
    await high.consume(q, (m) => m && got.push(`high:${body(m)}`), { noAck: false, priority: 10 });
    for (const m of ['1', '2', '3', '4']) ch.sendToQueue(q, Buffer.from(m));
    await waitFor(() => got.length === 4, 3000, 'deliveries');
    expect(got.filter((g) => g.startsWith('high'))).toEqual(['high:1', 'high:2']);
    expect(got.filter((g) => g.startsWith('low'))).toEqual(['low:3', 'low:4']);
  });

  it.each([
    ['x-max-length', -1, "{value_negative,-1}"],
    ['x-message-ttl', 'abc', '"expected integer, got longstr"'],
    ['x-expires', 0, '{value_zero,0}'],
    ['x-overflow', 'bogus', 'invalid_overflow'],
    ['x-max-priority', -5, '{value_negative,-5}'],
    ['x-single-active-consumer', 'yes', '{unacceptable_type,longstr}'],
    ['x-max-length-bytes', -1, '{value_negative,-1}'],
    ['x-max-priority', 256, '{max_value_exceeded,256}'],
    ['x-dead-letter-routing-key', 'k', 'routing_key_but_no_dlx_defined'],
    ['x-queue-mode', 'fast', `"unsupported queue mode 'fast'"`],
  ])('refuses %s = %j with 406', async (arg, value, reason) => {
    const s = ctx.session();
    const q = s.queueName();
    expect(await refusal((await s.channel()).assertQueue(q, { arguments: { [arg]: value } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - invalid arg '${arg}' for queue '${q}' in vhost '/': ${reason}`,
    });
  });

  it('refuses a dead-letter exchange argument that is not a string with 406', async () => {
    const s = ctx.session();
    const q = s.queueName();
    expect(await refusal((await s.channel()).assertQueue(q, { arguments: { 'x-dead-letter-exchange': 5 } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - invalid type 'byte' for arg 'x-dead-letter-exchange' in queue '${q}' in vhost '/'`,
    });
  });

  it('keeps FIFO order for a plain queue across publish and consume', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const q = s.queueName();
    await ch.assertQueue(q);
    for (const m of ['1', '2', '3']) ch.sendToQueue(q, Buffer.from(m));
    expect((await collect(ch, q, 3, { noAck: true })).map(body)).toEqual(['1', '2', '3']);
  });
});
