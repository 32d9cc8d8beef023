import type { Channel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_PEEK, PEEK_SIDE_EFFECTS, REQUEUE_SIDE_EFFECTS, browseHandlers } from '../../electron/backend/workbench/browse/browse-handlers.js';
import { BrowseResult } from '../../shared/model/workbench/browse.js';
import { PREVIEW_BYTES } from '../../shared/model/workbench/message.js';
import { type ConnectedWorkbench, connectWorkbench, workbenchTargets } from './support/connected-workbench.js';
import { uniqueName } from './support/rabbit-admin.js';

for (const target of await workbenchTargets()) {
  const embedded = target.name === 'the embedded broker';
  describe.skipIf(!target.available)(`workbench.browse against ${target.name}`, () => {
    let stop: () => Promise<void>;
    let w: ConnectedWorkbench;
    let ch: Channel;
    let browse: ReturnType<typeof browseHandlers>;
    const declared: string[] = [];

    beforeAll(async () => {
      const started = await target.start();
      stop = started.stop;
      w = await connectWorkbench(started);
      ch = await w.admin.createChannel();
      browse = browseHandlers(w.deps);
    });
    afterAll(async () => {
      for (const q of declared) await ch.deleteQueue(q).catch(() => undefined);
      await w?.close();
      await stop?.();
    });

    const filled = async (bodies: (string | Buffer)[], headers: Record<string, unknown> = {}): Promise<string> => {
      const q = uniqueName('browse');
      declared.push(q);
      await ch.assertQueue(q, { durable: false });
      bodies.forEach((b, i) => ch.sendToQueue(q, typeof b === 'string' ? Buffer.from(b) : b, { messageId: `id-${i}`, contentType: 'text/plain', headers: { n: i, ...headers } }));
      await ch.checkQueue(q);
      return q;
    };
    const drain = async (q: string) => {
      const out: { body: string; redelivered: boolean }[] = [];
      for (let m = await ch.get(q, { noAck: true }); m !== false; m = await ch.get(q, { noAck: true })) out.push({ body: m.content.toString(), redelivered: m.fields.redelivered });
      return out;
    };

    it(`says whether it can peek: ${embedded ? 'yes' : 'no'}`, async () => {
      expect(await browse['workbench.browseCapabilities'](undefined as never)).toEqual({ peek: embedded });
    });

    it('requeue: reads the first N with properties and typed headers, puts them all back marked redelivered, says so', async () => {
      const q = await filled(['a', 'b', 'c', 'd']);
      const result = BrowseResult.parse(await browse['workbench.browse']({ browseId: 'b1', vhost: '/', queue: q, count: 3, mode: 'requeue' }));
      expect(result.mode).toBe('requeue');
      expect(result.queueDepth).toBe(4);
      expect(result.sideEffects).toBe(REQUEUE_SIDE_EFFECTS);
      expect(result.sideEffects).toMatch(/redelivered/);
      expect(result.messages.map((m) => [m.seq, m.preview.data, m.redelivered, m.properties.messageId, m.headers.n])).toEqual([
        [1, 'a', false, 'id-0', { type: 'int', value: 0 }],
        [2, 'b', false, 'id-1', { type: 'int', value: 1 }],
        [3, 'c', false, 'id-2', { type: 'int', value: 2 }],
      ]);
      expect(result.messages[0]).toMatchObject({ exchange: '', routingKey: q, pending: false, size: 1, truncated: false, properties: { contentType: 'text/plain' } });
      const holder = w.deps.held.get('b1');
      expect(holder).toMatchObject({ kind: 'browse', vhost: '/' });
      expect(holder?.get(2)?.body?.toString()).toBe('b');
      expect(await drain(q)).toEqual([
        { body: 'a', redelivered: true },
        { body: 'b', redelivered: true },
        { body: 'c', redelivered: true },
        { body: 'd', redelivered: false },
      ]);
    });

    it('keeps large and binary bodies whole for messageBody while the preview is cut; a new browse with the same id replaces the old', async () => {
      const big = Buffer.alloc(PREVIEW_BYTES + 10, 'x');
      const binary = Buffer.from([0, 1, 2, 255]);
      const q = await filled([big, binary]);
      const result = await browse['workbench.browse']({ browseId: 'b2', vhost: '/', queue: q, count: 10, mode: 'requeue' });
      expect(result.messages.map((m) => [m.size, m.truncated, m.preview.encoding])).toEqual([
        [PREVIEW_BYTES + 10, true, 'utf8'],
        [4, false, 'base64'],
      ]);
      expect(w.deps.held.get('b2')?.get(1)?.body?.equals(big)).toBe(true);
      expect(w.deps.held.get('b2')?.get(2)?.body?.equals(binary)).toBe(true);
      const again = await browse['workbench.browse']({ browseId: 'b2', vhost: '/', queue: q, count: 1, mode: 'requeue' });
      expect(again.messages).toHaveLength(1);
      expect(w.deps.held.get('b2')?.list()).toHaveLength(1);
    });

    it('an empty queue gives an empty list and depth 0', async () => {
      const q = await filled([]);
      const result = await browse['workbench.browse']({ browseId: 'b3', vhost: '/', queue: q, count: 5, mode: 'requeue' });
      expect([result.messages, result.queueDepth]).toEqual([[], 0]);
    });

    it('a missing queue is refused in the broker’s words, and the next browse works', async () => {
      const name = uniqueName('missing');
      await expect(browse['workbench.browse']({ browseId: 'b4', vhost: '/', queue: name, count: 5, mode: 'requeue' })).rejects.toMatchObject({
        code: 'not_found',
        message: `404 NOT_FOUND - no queue '${name}' in vhost '/'`,
      });
      const q = await filled(['after']);
      expect((await browse['workbench.browse']({ browseId: 'b4', vhost: '/', queue: q, count: 5, mode: 'requeue' })).messages).toHaveLength(1);
    });

    if (embedded) {
      it('peek: the same messages with no side effect at all, then a consumer sees them unchanged and in order', async () => {
        const q = await filled(['p1', 'p2', 'p3'], { nested: { deep: [1, 'two'] } });
        const result = BrowseResult.parse(await browse['workbench.browse']({ browseId: 'b5', vhost: '/', queue: q, count: 2, mode: 'peek' }));
        expect(result.sideEffects).toBe(PEEK_SIDE_EFFECTS);
        expect(result.queueDepth).toBe(3);
        expect(result.messages.map((m) => [m.seq, m.preview.data, m.redelivered, m.properties.messageId])).toEqual([
          [1, 'p1', false, 'id-0'],
          [2, 'p2', false, 'id-1'],
        ]);
        expect(result.messages[0]?.headers).toEqual({
          n: { type: 'int', value: 0 },
          nested: { type: 'table', value: { deep: { type: 'array', value: [{ type: 'int', value: 1 }, { type: 'string', value: 'two' }] } } },
        });
        expect(w.deps.held.get('b5')?.get(1)?.body?.toString()).toBe('p1');
        expect(await drain(q)).toEqual(['p1', 'p2', 'p3'].map((body) => ({ body, redelivered: false })));
      });

      it('peek on a missing queue: the broker’s words', async () => {
        const name = uniqueName('missing');
        await expect(browse['workbench.browse']({ browseId: 'b6', vhost: '/', queue: name, count: 1, mode: 'peek' })).rejects.toMatchObject({
          message: `404 NOT_FOUND - no queue '${name}' in vhost '/'`,
        });
      });
    } else {
      it('peek is refused with a clear error that names the alternative', async () => {
        const q = await filled(['r1']);
        await expect(browse['workbench.browse']({ browseId: 'b7', vhost: '/', queue: q, count: 1, mode: 'peek' })).rejects.toMatchObject({ code: 'invalid_args', message: NO_PEEK });
        expect(await drain(q)).toEqual([{ body: 'r1', redelivered: false }]);
      });
    }
  });
}
