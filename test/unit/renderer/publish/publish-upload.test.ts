import { describe, expect, it } from 'vitest';
import { MAX_INLINE_BODY_BYTES } from '../../../../shared/model/workbench/message.js';
import { wireToBytes } from '../../../../renderer/workbench/message-bytes.js';
import { bodySource, chunkPlan, inlineWire, UPLOAD_CHUNK_BYTES } from '../../../../renderer/workbench/publish-upload.js';
import { FakeClient } from '../support/fakeClient.js';

describe('large bodies go up in chunks', () => {
  it('plans chunks of at most 512 KiB that cover the body exactly, in order', () => {
    expect(chunkPlan(0)).toEqual([]);
    expect(chunkPlan(10)).toEqual([{ offset: 0, length: 10 }]);
    const size = 3 * UPLOAD_CHUNK_BYTES + 17;
    const plan = chunkPlan(size);
    expect(plan).toHaveLength(4);
    expect(plan.every((c) => c.length <= 512 * 1024)).toBe(true);
    expect(plan.map((c) => c.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, 2 * UPLOAD_CHUNK_BYTES, 3 * UPLOAD_CHUNK_BYTES]);
    expect(plan.reduce((n, c) => n + c.length, 0)).toBe(size);
  });

  it('sends a small body inline and a large binary one as base64 chunks that reassemble to the same bytes', async () => {
    const client = new FakeClient();
    const received: Uint8Array[] = [];
    client.handle('workbench.bodyUpload', (args) => {
      const bytes = wireToBytes(args.chunk);
      expect(args.offset).toBe(received.reduce((n, b) => n + b.length, 0));
      // Each request stays far below the web transport's 1 MiB.
      expect(JSON.stringify(args).length).toBeLessThan(800 * 1024);
      received.push(bytes);
      return { uploadId: args.uploadId, received: args.offset + bytes.length };
    });
    const small = await bodySource(client, new TextEncoder().encode('{"a":1}'), () => undefined);
    expect(small).toEqual({ kind: 'inline', bytes: { encoding: 'utf8', data: '{"a":1}' } });

    const big = new Uint8Array(MAX_INLINE_BODY_BYTES + 1000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 256;
    const progress: number[] = [];
    const source = await bodySource(client, big, (sent) => progress.push(sent));
    expect(source?.kind).toBe('upload');
    expect(client.callsOf('workbench.bodyUpload')).toHaveLength(2);
    expect((client.callsOf('workbench.bodyUpload') as { chunk: { encoding: string } }[]).every((a) => a.chunk.encoding === 'base64')).toBe(true);
    expect(progress).toEqual([0, UPLOAD_CHUNK_BYTES, big.length]);
    const whole = new Uint8Array(big.length);
    let at = 0;
    for (const chunk of received) {
      whole.set(chunk, at);
      at += chunk.length;
    }
    // Compared byte by byte here: a deep equal of half a megabyte is slow.
    expect(at).toBe(big.length);
    expect(whole.findIndex((b, i) => b !== big[i])).toBe(-1);
  });

  it('stops between chunks when cancelled', async () => {
    const client = new FakeClient({ 'workbench.bodyUpload': (args) => ({ uploadId: args.uploadId, received: 0 }) });
    let cancelled = false;
    const source = await bodySource(client, new Uint8Array(MAX_INLINE_BODY_BYTES * 3), () => (cancelled = true), () => cancelled);
    expect(source).toBeNull();
    expect(client.callsOf('workbench.bodyUpload')).toHaveLength(0);
  });

  it('keeps binary inline bodies as base64 and escape-heavy text small on the wire', () => {
    expect(inlineWire(Uint8Array.from([0xff, 0x00, 0x80]))).toEqual({ encoding: 'base64', data: '/wCA' });
    expect(inlineWire(new Uint8Array(400 * 1024).fill(1)).encoding).toBe('base64');
    expect(inlineWire(new TextEncoder().encode('héllo'))).toEqual({ encoding: 'utf8', data: 'héllo' });
  });
});
