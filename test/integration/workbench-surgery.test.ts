import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerState, SettleResult } from '../../shared/model/workbench/consume.js';
import type { DumpResult, LoadResult, SendBackResult, TransferResult } from '../../shared/model/workbench/surgery.js';
import { type Workbench, targets, uniqueName, useWorkbench, waitFor } from './workbench-consume-harness.js';

/** A dump file goes up in chunks like the page sends it, then a load names the upload. */
async function upload(wb: Workbench, text: string): Promise<string> {
  const uploadId = uniqueName('u').slice(-30);
  await wb.call('workbench.bodyUpload', { uploadId, offset: 0, chunk: { encoding: 'utf8', data: text } });
  return uploadId;
}

for (const target of targets) {
  describe.skipIf(!target.available)(`workbench message surgery on ${target.name}`, () => {
    const workbench = useWorkbench(target);
    let wb: Workbench;
    beforeAll(() => {
      wb = workbench();
    });

    const pendingCount = (consumerId: string, n: number) =>
      waitFor(`${n} pending for ${consumerId}`, async () => {
        const state = (await wb.call<{ consumers: ConsumerState[] }>('workbench.consumers')).consumers.find((c) => c.consumerId === consumerId);
        return state && state.pending >= n && state;
      });

    /** A work queue dead-lettering through a fanout exchange into a dead-letter queue. */
    const deadLetterPair = async (name: string, workArgs: Record<string, unknown> = {}) => {
      const dlx = await wb.exchange(`dlx-${name}`, 'fanout');
      const dlq = await wb.queue(`dlq-${name}`);
      await wb.admin.bindQueue(dlq, dlx, '');
      const work = await wb.queue(`work-${name}`, { 'x-dead-letter-exchange': dlx, ...workArgs });
      return { dlq, work };
    };
    /** Takes `n` messages of `queue` with a manual-ack consumer and rejects them all without requeue. */
    const rejectAll = async (queue: string, n: number) => {
      const rejecter = await wb.consume({ source: { kind: 'queue', queue } });
      await pendingCount(rejecter.consumerId, n);
      const rejected = await wb.call<SettleResult>('workbench.settle', { consumerId: rejecter.consumerId, seqs: Array.from({ length: n }, (_, i) => i + 1), action: 'reject', requeue: false });
      expect(rejected.settled).toHaveLength(n);
      await wb.call('workbench.consumeStop', { consumerId: rejecter.consumerId });
    };

    it('moves 1,000 pending messages of a consumer to another queue with none lost', async () => {
      const [source, dest] = [await wb.queue('move-src'), await wb.queue('move-dst')];
      await wb.fill(source, 1000);
      const consumer = await wb.consume({ source: { kind: 'queue', queue: source } });
      await pendingCount(consumer.consumerId, 1000);
      const seqs = Array.from({ length: 1000 }, (_, i) => i + 1);
      const result = await wb.call<TransferResult>('workbench.transfer', {
        transferId: uniqueName('t').slice(-30),
        holderId: consumer.consumerId,
        seqs,
        target: { kind: 'queue', queue: dest },
        mode: 'move',
      });
      expect(result).toMatchObject({ done: 1000, failed: [], status: 'done' });
      expect(wb.progress.filter((p) => p.transferId === result.transferId).at(-1)).toMatchObject({ done: 1000, total: 1000 });
      const state = await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: consumer.consumerId });
      expect(state.pending).toBe(0);
      await waitFor('the counts to settle', async () => (await wb.depth(dest)) === 1000);
      expect(await wb.depth(source)).toBe(0);
      const first = await wb.admin.get(dest, { noAck: true });
      expect(first && first.content.toString()).toBe('m0');
      expect(first && first.properties.messageId).toBe('id-0');
    });

    it('a cancelled move stops between windows and loses nothing: moved and left add up', async () => {
      const [source, dest] = [await wb.queue('cancel-src'), await wb.queue('cancel-dst')];
      await wb.fill(source, 3000);
      const consumer = await wb.consume({ source: { kind: 'queue', queue: source } });
      await pendingCount(consumer.consumerId, 3000);
      const transferId = uniqueName('t').slice(-30);
      const cancelled = waitFor('progress past the first window', () => wb.progress.some((p) => p.transferId === transferId && p.done > 0)).then(() =>
        wb.call<{ cancelled: boolean }>('workbench.transferCancel', { transferId }),
      );
      const result = await wb.call<TransferResult>('workbench.transfer', {
        transferId,
        holderId: consumer.consumerId,
        seqs: Array.from({ length: 3000 }, (_, i) => i + 1),
        target: { kind: 'queue', queue: dest },
        mode: 'move',
      });
      await cancelled;
      expect(result.failed).toEqual([]);
      const state = await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: consumer.consumerId });
      expect(state.pending).toBe(0);
      await waitFor('every message in one queue or the other', async () => (await wb.depth(source)) + (await wb.depth(dest)) === 3000);
      expect(await wb.depth(dest)).toBe(result.done);
      if (result.status === 'cancelled') expect(result.done).toBeLessThan(3000);
      else expect(result).toMatchObject({ status: 'done', done: 3000 });
    });

    it('refuses a move from an auto-ack consumer and a move to a missing queue, in words, moving nothing', async () => {
      const source = await wb.queue('refuse-src');
      const consumer = await wb.consume({ source: { kind: 'queue', queue: source } });
      await wb.fill(source, 2);
      await pendingCount(consumer.consumerId, 2);
      const missing = uniqueName('missing');
      const refused = await wb.call<TransferResult>('workbench.transfer', {
        transferId: uniqueName('t').slice(-30),
        holderId: consumer.consumerId,
        seqs: [1, 2],
        target: { kind: 'queue', queue: missing },
        mode: 'move',
      });
      expect(refused).toMatchObject({ status: 'refused', done: 0, refusal: `404 NOT_FOUND - no queue '${missing}' in vhost '/'` });
      expect((await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: consumer.consumerId })).pending).toBe(0);
      await waitFor('both back in the source', async () => (await wb.depth(source)) === 2);

      const auto = await wb.consume({ source: { kind: 'queue', queue: source }, ackMode: 'auto' });
      await waitFor('auto-ack deliveries', () => wb.messages(auto.consumerId).length === 2);
      const dest = await wb.queue('refuse-dst');
      const noMove = await wb.call<TransferResult>('workbench.transfer', { transferId: uniqueName('t').slice(-30), holderId: auto.consumerId, seqs: [1], target: { kind: 'queue', queue: dest }, mode: 'move' });
      expect(noMove.failed).toEqual([{ seq: 1, reason: expect.stringMatching(/manual-ack/) }]);
      const copied = await wb.call<TransferResult>('workbench.transfer', { transferId: uniqueName('t').slice(-30), holderId: auto.consumerId, seqs: [1, 2], target: { kind: 'queue', queue: dest }, mode: 'copy' });
      expect(copied).toMatchObject({ done: 2, status: 'done' });
      expect(await wb.depth(dest)).toBe(2);
      await wb.call('workbench.consumeStop', { consumerId: auto.consumerId });
    });

    it('reject without requeue dead-letters; send back "all" returns every message to its origin queue', async () => {
      const { dlq, work } = await deadLetterPair('all');
      await wb.fill(work, 20);
      await wb.admin.sendToQueue(dlq, Buffer.from('no x-death'));
      await wb.admin.waitForConfirms();
      await rejectAll(work, 20);
      await waitFor('20 dead-lettered', async () => (await wb.depth(dlq)) === 21);
      expect(await wb.depth(work)).toBe(0);

      const result = await wb.call<SendBackResult>('workbench.sendBack', { transferId: uniqueName('t').slice(-30), vhost: '/', queue: dlq, scope: { kind: 'all' } });
      expect(result).toMatchObject({ sent: 20, byQueue: { [work]: 20 }, skipped: [{ reason: 'no x-death header', count: 1 }], status: 'done' });
      await waitFor('all back at work', async () => (await wb.depth(work)) === 20);
      expect(await wb.depth(dlq)).toBe(1);
      const back = await wb.admin.get(work, { noAck: true });
      expect(back && back.content.toString()).toBe('m0');
      expect(back && (back.properties.headers?.['x-death'] as { queue: string }[])[0]?.queue).toBe(work);
    });

    it('send back of a selection works on a manual-ack consumer of the dead-letter queue', async () => {
      const { dlq, work } = await deadLetterPair('gone', { 'x-message-ttl': 0 });
      await wb.fill(work, 3);
      await waitFor('3 expired into the dead-letter queue', async () => (await wb.depth(dlq)) === 3);
      await wb.admin.deleteQueue(work);
      const consumer = await wb.consume({ source: { kind: 'queue', queue: dlq } });
      await pendingCount(consumer.consumerId, 3);
      const result = await wb.call<SendBackResult>('workbench.sendBack', {
        transferId: uniqueName('t').slice(-30),
        vhost: '/',
        queue: dlq,
        scope: { kind: 'selection', consumerId: consumer.consumerId, seqs: [1, 2] },
      });
      // The origin queue is gone: nothing is sent, and the messages stay pending for the user.
      expect(result.sent).toBe(0);
      expect(result.skipped).toEqual([{ reason: expect.stringMatching(/^origin queue gone \(404 NOT_FOUND/), count: 2 }]);
      expect((await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: consumer.consumerId })).status).toBe('stopped');
      await waitFor('all 3 still in the dead-letter queue', async () => (await wb.depth(dlq)) === 3);
    });

    it('send back of a selection returns the chosen messages and leaves the rest pending', async () => {
      const { dlq, work } = await deadLetterPair('pick');
      await wb.fill(work, 3);
      await rejectAll(work, 3);
      await waitFor('3 dead-lettered', async () => (await wb.depth(dlq)) === 3);
      const consumer = await wb.consume({ source: { kind: 'queue', queue: dlq } });
      await pendingCount(consumer.consumerId, 3);
      const result = await wb.call<SendBackResult>('workbench.sendBack', {
        transferId: uniqueName('t').slice(-30),
        vhost: '/',
        queue: dlq,
        scope: { kind: 'selection', consumerId: consumer.consumerId, seqs: [1, 3] },
      });
      expect(result).toMatchObject({ sent: 2, byQueue: { [work]: 2 }, skipped: [], status: 'done' });
      expect((await wb.call<ConsumerState>('workbench.consumeStop', { consumerId: consumer.consumerId })).pending).toBe(0);
      await waitFor('2 back at work, 1 left dead', async () => (await wb.depth(work)) === 2 && (await wb.depth(dlq)) === 1);
      const left = await wb.admin.get(dlq, { noAck: true });
      expect(left && left.content.toString()).toBe('m1');
    });

    it('copies to an exchange keeping each message\'s routing key unless one is given', async () => {
      const exchange = await wb.exchange('copy-x', 'direct');
      const [eu, us] = [await wb.queue('copy-eu'), await wb.queue('copy-us')];
      await wb.admin.bindQueue(eu, exchange, 'eu');
      await wb.admin.bindQueue(us, exchange, 'us');
      const source = await wb.exchange('copy-src', 'topic');
      const tap = await wb.consume({ source: { kind: 'tap', exchange: source, bindingKey: '#' }, ackMode: 'auto' });
      wb.admin.publish(source, 'eu', Buffer.from('for eu'));
      wb.admin.publish(source, 'nowhere', Buffer.from('unroutable'));
      await wb.admin.waitForConfirms();
      await waitFor('2 tapped', () => wb.messages(tap.consumerId).length === 2);
      const kept = await wb.call<TransferResult>('workbench.transfer', { transferId: uniqueName('t').slice(-30), holderId: tap.consumerId, seqs: [1, 2], target: { kind: 'exchange', exchange }, mode: 'copy' });
      expect(kept.done).toBe(1);
      expect(kept.failed).toEqual([{ seq: 2, reason: 'returned by the broker: 312 NO_ROUTE (no queue took it)' }]);
      const given = await wb.call<TransferResult>('workbench.transfer', { transferId: uniqueName('t').slice(-30), holderId: tap.consumerId, seqs: [1, 2], target: { kind: 'exchange', exchange, routingKey: 'us' }, mode: 'copy' });
      expect(given).toMatchObject({ done: 2, failed: [], status: 'done' });
      expect([await wb.depth(eu), await wb.depth(us)]).toEqual([1, 2]);
      await wb.call('workbench.consumeStop', { consumerId: tap.consumerId });
    });

    it('dump then load round-trips a binary body and typed headers unchanged', async () => {
      const source = await wb.queue('dump-src');
      const dest = await wb.queue('dump-dst');
      const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]);
      wb.admin.sendToQueue(source, binary, {
        contentType: 'application/octet-stream',
        deliveryMode: 2,
        priority: 3,
        correlationId: 'c-1',
        timestamp: 1_700_000_000,
        headers: { s: 'text', i: 42, big: 5_000_000_000, f: 1.5, t: true, raw: Buffer.from([9, 8, 7]), nested: { a: [1, 'two'] }, when: { '!': 'timestamp', value: 1_700_000_001 } },
      });
      await wb.admin.waitForConfirms();
      const consumer = await wb.consume({ source: { kind: 'queue', queue: source } });
      await pendingCount(consumer.consumerId, 1);
      const dump = await wb.call<DumpResult>('workbench.dump', { holderId: consumer.consumerId });
      expect(dump.count).toBe(1);
      expect(dump.fileName).toMatch(/\.jsonl$/);
      await wb.call('workbench.settle', { consumerId: consumer.consumerId, seqs: [1], action: 'ack' });
      await wb.call('workbench.consumeStop', { consumerId: consumer.consumerId });

      const loaded = await wb.call<LoadResult>('workbench.load', { transferId: uniqueName('t').slice(-30), uploadId: await upload(wb, dump.jsonl), vhost: '/', target: { kind: 'queue', queue: dest } });
      expect(loaded).toMatchObject({ published: 1, problems: [], status: 'done' });
      const again = await wb.admin.get(dest, { noAck: true });
      if (!again) throw new Error('the loaded message did not arrive');
      expect(again.content.equals(binary)).toBe(true);
      expect(again.properties).toMatchObject({ contentType: 'application/octet-stream', deliveryMode: 2, priority: 3, correlationId: 'c-1', timestamp: 1_700_000_000 });
      expect(again.properties.headers).toEqual({
        s: 'text',
        i: 42,
        big: 5_000_000_000,
        f: 1.5,
        t: true,
        raw: Buffer.from([9, 8, 7]),
        nested: { a: [1, 'two'] },
        when: { '!': 'timestamp', value: 1_700_000_001 },
      });
      // The dump names where it came from: loaded without a target it goes back there.
      const home = await wb.call<LoadResult>('workbench.load', { transferId: uniqueName('t').slice(-30), uploadId: await upload(wb, dump.jsonl), vhost: '/' });
      expect(home).toMatchObject({ published: 1, status: 'done' });
      expect(await wb.depth(source)).toBe(1);
    });

    it('a bad dump file lists its problems with line numbers and publishes nothing', async () => {
      const dest = await wb.queue('bad-load');
      const good = JSON.stringify({ exchange: '', routingKey: dest, properties: {}, headers: {}, body: { encoding: 'utf8', data: 'ok' } });
      const text = [good, '{"exchange":', good, JSON.stringify({ exchange: '', routingKey: dest, properties: {}, headers: { n: { type: 'int', value: 1.5 } }, body: { encoding: 'utf8', data: 'x' } })].join('\n');
      const result = await wb.call<LoadResult>('workbench.load', { transferId: uniqueName('t').slice(-30), uploadId: await upload(wb, text), vhost: '/' });
      expect(result.status).toBe('invalid');
      expect(result.published).toBe(0);
      expect(result.problems.map((p) => p.line)).toEqual([2, 4]);
      expect(result.problems[0]?.message).toMatch(/^not JSON/);
      expect(result.problems[1]?.message).toMatch(/^headers\.n/);
      expect(await wb.depth(dest)).toBe(0);
    });
  });
}
