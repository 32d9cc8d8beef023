import { expect, it } from 'vitest';
import { nextClose, refusal } from './support/errors.js';
import { body, waitForDepth } from './support/messages.js';
import { confirmSelect, txCommit, txSelect } from './support/rpc-methods.js';
import { forEachTarget } from './support/targets.js';

/** Issue sections 3 and 6: the smaller rules of a channel that clients run into. */
forEachTarget((ctx) => {
  it("an empty queue name means the channel's last declared queue", async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    await ch.bindQueue('', 'amq.fanout', '');
    const pub = await s.confirmChannel();
    pub.publish('amq.fanout', '', Buffer.from('via-last-queue'));
    await pub.waitForConfirms();
    await ch.unbindQueue('', 'amq.fanout', '');
    await waitForDepth(ch, queue, 1);
    const m = await ch.get('');
    expect(m && body(m)).toBe('via-last-queue');
  });

  it('404 for an empty queue name on a channel that declared none', async () => {
    const s = ctx.session();
    expect(await refusal((await s.channel()).get(''))).toEqual({ code: 404, text: 'NOT_FOUND - no previously declared queue' });
  });

  it('server-generated consumer tags and per-channel delivery tags from 1', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    const { consumerTag } = await ch.consume(queue, () => undefined, { noAck: true });
    expect(consumerTag).toMatch(/^amq\.ctag-[A-Za-z0-9_-]{22}$/);
    await ch.cancel(consumerTag);
    for (const m of ['a', 'b']) ch.sendToQueue(queue, Buffer.from(m));
    await waitForDepth(ch, queue, 2);
    const other = await s.channel();
    const tags = [await other.get(queue), await other.get(queue)].map((m) => m && m.fields.deliveryTag);
    expect(tags).toEqual([1, 2]);
  });

  it("publishing reaches another connection's exclusive queue", async () => {
    const s = ctx.session();
    const owner = await s.channel(await s.connect());
    const { queue } = await owner.assertQueue('', { exclusive: true });
    const pub = await s.confirmChannel(await s.connect());
    pub.sendToQueue(queue, Buffer.from('to-exclusive'));
    await pub.waitForConfirms();
    await waitForDepth(owner, queue, 1);
  });

  it('acknowledging a no-ack delivery is an unknown delivery tag (406)', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    ch.sendToQueue(queue, Buffer.from('m'));
    await waitForDepth(ch, queue, 1);
    const m = await ch.get(queue, { noAck: true });
    if (m === false) throw new Error('no message');
    const closed = nextClose(ch);
    ch.ack(m);
    expect(await closed).toEqual({ code: 406, text: `PRECONDITION_FAILED - unknown delivery tag ${m.fields.deliveryTag}` });
  });

  it('cancelling an unknown consumer tag succeeds', async () => {
    const s = ctx.session();
    await expect((await s.channel()).cancel(s.name('never-consumed'))).resolves.toMatchObject({ consumerTag: s.name('never-consumed') });
  });

  it('basic.ack with tag 0 and multiple acknowledges everything outstanding', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const { queue } = await ch.assertQueue('', { exclusive: true });
    for (const m of ['a', 'b', 'c']) ch.sendToQueue(queue, Buffer.from(m));
    await waitForDepth(ch, queue, 3);
    const c = await s.channel();
    await c.get(queue);
    await c.get(queue);
    c.ack({ fields: { deliveryTag: 0 } } as Parameters<typeof c.ack>[0], true);
    await c.close();
    await waitForDepth(ch, queue, 1);
  });

  it('406 when switching a transactional channel to confirms, or committing without tx.select', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    await txSelect(ch);
    const closed = nextClose(ch);
    await confirmSelect(ch).catch(() => undefined);
    expect(await closed).toEqual({ code: 406, text: 'PRECONDITION_FAILED - cannot switch from tx to confirm mode' });
    const plain = await s.channel();
    expect(await refusal(txCommit(plain))).toEqual({ code: 406, text: 'PRECONDITION_FAILED - channel is not transactional' });
    const confirm = await s.confirmChannel();
    expect(await refusal(txSelect(confirm))).toEqual({ code: 406, text: 'PRECONDITION_FAILED - cannot switch from confirm to tx mode' });
  });

  it('403 for deleting a predeclared amq.* exchange', async () => {
    const s = ctx.session();
    expect(await refusal((await s.channel()).deleteExchange('amq.direct'))).toEqual({
      code: 403,
      text: "ACCESS_REFUSED - deletion of system exchange 'amq.direct' in vhost '/' not allowed",
    });
  });

  it('405 for redeclaring a shared queue as exclusive', async () => {
    const s = ctx.session();
    const q = s.queueName();
    const ch = await s.channel();
    await ch.assertQueue(q);
    expect(await refusal((await s.channel()).assertQueue(q, { exclusive: true }))).toEqual({
      code: 405,
      text: `RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '${q}' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`,
    });
  });

  it('404 for binding to or from a missing exchange; unbinding a missing queue succeeds', async () => {
    const s = ctx.session();
    const x = s.exchangeName('missing');
    expect(await refusal((await s.channel()).bindExchange(x, 'amq.direct', 'k'))).toEqual({ code: 404, text: `NOT_FOUND - no exchange '${x}' in vhost '/'` });
    expect(await refusal((await s.channel()).bindExchange('amq.direct', x, 'k'))).toEqual({ code: 404, text: `NOT_FOUND - no exchange '${x}' in vhost '/'` });
    const q = s.queueName('missing');
    await expect((await s.channel()).unbindQueue(q, 'amq.direct', 'k')).resolves.toBeDefined();
  });
});
