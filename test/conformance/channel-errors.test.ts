import { expect, it } from 'vitest';
import { nextClose, refusal } from './support/errors.js';
import { forEachTarget } from './support/targets.js';

/** Issue section 3, channel level: reply codes and texts, and soft (channel) versus hard (connection) errors. */
forEachTarget((ctx) => {
  const inVhost = (kind: string, name: string) => `${kind} '${name}' in vhost '/'`;

  it('404 for a missing queue on passive declare, get, consume, bind and purge', async () => {
    const s = ctx.session();
    const q = s.queueName('missing');
    const text = `NOT_FOUND - no ${inVhost('queue', q)}`;
    expect(await refusal((await s.channel()).checkQueue(q))).toEqual({ code: 404, text });
    expect(await refusal((await s.channel()).get(q))).toEqual({ code: 404, text });
    expect(await refusal((await s.channel()).consume(q, () => undefined))).toEqual({ code: 404, text });
    expect(await refusal((await s.channel()).bindQueue(q, 'amq.direct', 'k'))).toEqual({ code: 404, text });
    expect(await refusal((await s.channel()).purgeQueue(q))).toEqual({ code: 404, text });
  });

  it('404 for a missing exchange on passive declare, publish and bind', async () => {
    const s = ctx.session();
    const x = s.exchangeName('missing');
    const text = `NOT_FOUND - no ${inVhost('exchange', x)}`;
    expect(await refusal((await s.channel()).checkExchange(x))).toEqual({ code: 404, text });
    const ch = await s.channel();
    const closed = nextClose(ch);
    ch.publish(x, 'k', Buffer.from('m'));
    expect(await closed).toEqual({ code: 404, text });
    const q = s.queueName();
    await (await s.channel()).assertQueue(q);
    expect(await refusal((await s.channel()).bindQueue(q, x, 'k'))).toEqual({ code: 404, text });
  });

  it('a channel error closes only the channel: the connection carries on', async () => {
    const s = ctx.session();
    const conn = await s.connect();
    await refusal((await s.channel(conn)).checkQueue(s.queueName('missing')));
    await expect((await s.channel(conn)).checkExchange('amq.fanout')).resolves.toBeDefined();
  });

  it('406 for a queue redeclared with a different durable, auto_delete or arguments', async () => {
    const s = ctx.session();
    const q = s.queueName();
    await (await s.channel()).assertQueue(q, { durable: true, arguments: { 'x-message-ttl': 1000 } });
    expect(await refusal((await s.channel()).assertQueue(q, { durable: false, arguments: { 'x-message-ttl': 1000 } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'durable' for ${inVhost('queue', q)}: received 'false' but current is 'true'`,
    });
    expect(await refusal((await s.channel()).assertQueue(q, { durable: true, autoDelete: true, arguments: { 'x-message-ttl': 1000 } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'auto_delete' for ${inVhost('queue', q)}: received 'true' but current is 'false'`,
    });
    expect(await refusal((await s.channel()).assertQueue(q, { durable: true, arguments: { 'x-message-ttl': 2000 } }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for ${inVhost('queue', q)}: received '2000' but current is '1000'`,
    });
    expect(await refusal((await s.channel()).assertQueue(q, { durable: true }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' for ${inVhost('queue', q)}: received none but current is the value '1000' of type 'short'`,
    });
    await expect((await s.channel()).assertQueue(q, { durable: true, arguments: { 'x-message-ttl': 1000 } })).resolves.toMatchObject({ queue: q });
  });

  it('arguments RabbitMQ does not know take no part in queue equivalence', async () => {
    const s = ctx.session();
    const q = s.queueName();
    await (await s.channel()).assertQueue(q, { arguments: { 'x-custom': 1, note: 'a' } });
    await expect((await s.channel()).assertQueue(q, { arguments: { 'x-custom': 2, note: 'b' } })).resolves.toMatchObject({ queue: q });
    await expect((await s.channel()).assertQueue(q)).resolves.toMatchObject({ queue: q });
  });

  it('406 for an exchange redeclared with a different type or durability', async () => {
    const s = ctx.session();
    const x = s.exchangeName();
    await (await s.channel()).assertExchange(x, 'direct', { durable: false });
    expect(await refusal((await s.channel()).assertExchange(x, 'fanout', { durable: false }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'type' for ${inVhost('exchange', x)}: received 'fanout' but current is 'direct'`,
    });
    expect(await refusal((await s.channel()).assertExchange(x, 'direct', { durable: true }))).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'durable' for ${inVhost('exchange', x)}: received 'true' but current is 'false'`,
    });
  });

  it('406 for an exchange redeclared with a different auto_delete, internal or alternate exchange', async () => {
    const s = ctx.session();
    const x = s.exchangeName();
    await (await s.channel()).assertExchange(x, 'fanout', { durable: false, alternateExchange: 'amq.fanout' });
    const again = async (opts: Record<string, unknown>) =>
      refusal((await s.channel()).assertExchange(x, 'fanout', { durable: false, alternateExchange: 'amq.fanout', ...opts }));
    expect(await again({ autoDelete: true })).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'auto_delete' for ${inVhost('exchange', x)}: received 'true' but current is 'false'`,
    });
    expect(await again({ internal: true })).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'internal' for ${inVhost('exchange', x)}: received 'true' but current is 'false'`,
    });
    expect(await again({ alternateExchange: 'amq.direct' })).toEqual({
      code: 406,
      text: `PRECONDITION_FAILED - inequivalent arg 'alternate-exchange' for ${inVhost('exchange', x)}: received 'amq.direct' but current is 'amq.fanout'`,
    });
  });

  it("405 for another connection's exclusive queue", async () => {
    const s = ctx.session();
    const q = s.queueName();
    await (await s.channel(await s.connect())).assertQueue(q, { exclusive: true });
    const other = await s.connect();
    const text = `RESOURCE_LOCKED - cannot obtain exclusive access to locked ${inVhost('queue', q)}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`;
    expect(await refusal((await s.channel(other)).assertQueue(q, { exclusive: true }))).toEqual({ code: 405, text });
    expect(await refusal((await s.channel(other)).checkQueue(q))).toEqual({ code: 405, text });
    expect(await refusal((await s.channel(other)).consume(q, () => undefined))).toEqual({ code: 405, text });
    expect(await refusal((await s.channel(other)).get(q))).toEqual({ code: 405, text });
    expect(await refusal((await s.channel(other)).deleteQueue(q))).toEqual({ code: 405, text });
  });

  it('403 for declaring, deleting or binding the default exchange', async () => {
    const s = ctx.session();
    const text = 'ACCESS_REFUSED - operation not permitted on the default exchange';
    expect(await refusal((await s.channel()).assertExchange('', 'direct'))).toEqual({ code: 403, text });
    expect(await refusal((await s.channel()).deleteExchange(''))).toEqual({ code: 403, text });
    const q = s.queueName();
    await (await s.channel()).assertQueue(q);
    expect(await refusal((await s.channel()).bindQueue(q, '', q))).toEqual({ code: 403, text });
    expect(await refusal((await s.channel()).unbindQueue(q, '', q))).toEqual({ code: 403, text });
  });

  it('403 for declaring queues or exchanges with the reserved amq. prefix', async () => {
    const s = ctx.session();
    const name = `amq.${s.name('x')}`;
    expect(await refusal((await s.channel()).assertExchange(name, 'direct'))).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - exchange name '${name}' contains reserved prefix 'amq.*'`,
    });
    expect(await refusal((await s.channel()).assertQueue(name))).toEqual({
      code: 403,
      text: `ACCESS_REFUSED - queue name '${name}' contains reserved prefix 'amq.*'`,
    });
    await expect((await s.channel()).assertExchange('amq.direct', 'direct', { durable: true })).resolves.toBeDefined();
  });

  it('406 for an unknown or already acknowledged delivery tag', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const setup = await s.channel();
    await setup.assertQueue(q);
    setup.sendToQueue(q, Buffer.from('m'));
    const ch = await s.channel();
    const closed = nextClose(ch);
    const m = await ch.get(q);
    if (m === false) throw new Error('no message');
    ch.ack(m);
    ch.ack(m);
    expect(await closed).toEqual({ code: 406, text: `PRECONDITION_FAILED - unknown delivery tag ${m.fields.deliveryTag}` });
    const other = await s.channel();
    const closed2 = nextClose(other);
    other.ack({ fields: { deliveryTag: 42 } } as Parameters<typeof other.ack>[0]);
    expect(await closed2).toEqual({ code: 406, text: 'PRECONDITION_FAILED - unknown delivery tag 42' });
  });

  it('530 for reusing a consumer tag on a channel: a connection error', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const conn = await s.connect();
    const ch = await s.channel(conn);
    await ch.assertQueue(q);
    const tag = s.name('ctag');
    await ch.consume(q, () => undefined, { consumerTag: tag });
    const closed = nextClose(conn);
    await ch.consume(q, () => undefined, { consumerTag: tag }).catch(() => undefined);
    expect(await closed).toEqual({ code: 530, text: `NOT_ALLOWED - attempt to reuse consumer tag '${tag}'` });
  });

  it('deleting a queue or exchange that does not exist succeeds', async () => {
    const s = ctx.session();
    await expect((await s.channel()).deleteQueue(s.queueName('never'))).resolves.toEqual({ messageCount: 0 });
    await expect((await s.channel()).deleteExchange(s.exchangeName('never'))).resolves.toBeDefined();
  });
});
