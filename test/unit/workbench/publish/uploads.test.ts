import { describe, expect, it } from 'vitest';
import { createUploads } from '../../../../electron/backend/workbench/uploads.js';
import { MAX_BODY_BYTES } from '../../../../shared/model/workbench/message.js';

const b64 = (bytes: Buffer) => ({ encoding: 'base64' as const, data: bytes.toString('base64') });

describe('uploads', () => {
  it('joins chunks in order into the exact bytes, once', () => {
    const uploads = createUploads();
    expect(uploads.append('u', 0, b64(Buffer.from([0, 1, 2])))).toBe(3);
    expect(uploads.append('u', 3, { encoding: 'utf8', data: 'é' })).toBe(5);
    expect(uploads.take('u')).toEqual(Buffer.from([0, 1, 2, 0xc3, 0xa9]));
    expect(() => uploads.take('u')).toThrow(/No upload u: it was used already/);
  });

  it('refuses a chunk out of order, saying what it expected', () => {
    const uploads = createUploads();
    uploads.append('u', 0, b64(Buffer.alloc(10)));
    expect(() => uploads.append('u', 5, b64(Buffer.alloc(1)))).toThrow('Upload u: chunk at byte 5, but 10 bytes were received so far');
    expect(uploads.take('u')).toHaveLength(10);
  });

  it('refuses an upload larger than the largest message', () => {
    const uploads = createUploads();
    const chunk = Buffer.alloc(MAX_BODY_BYTES / 4);
    for (let i = 0; i < 4; i++) uploads.append('u', i * chunk.length, b64(chunk));
    expect(() => uploads.append('u', MAX_BODY_BYTES, b64(Buffer.alloc(1)))).toThrow(/larger than 128 MiB/);
  });

  it('forgets an upload ten minutes after its last chunk', () => {
    let now = 0;
    const uploads = createUploads(() => now);
    uploads.append('u', 0, b64(Buffer.alloc(1)));
    now = 9 * 60_000;
    uploads.append('u', 1, b64(Buffer.alloc(1)));
    now += 10 * 60_000 + 1;
    expect(() => uploads.take('u')).toThrow(/expired after 10 minutes/);
  });
});
