import type { WireBytes } from '../../../../shared/model/workbench/message.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are valid UTF-8 (and carry no NUL), base64 otherwise: binary is never mangled. */
export function toWireBytes(bytes: Uint8Array): WireBytes {
  if (bytes.includes(0)) return { encoding: 'base64', data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  try {
    return { encoding: 'utf8', data: utf8.decode(bytes) };
  } catch {
    return { encoding: 'base64', data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  }
}

export function fromWireBytes(wire: WireBytes): Buffer {
  return wire.encoding === 'utf8' ? Buffer.from(wire.data, 'utf8') : Buffer.from(wire.data, 'base64');
}

/**
 * The first `limit` bytes, cut back to a whole UTF-8 character when the body is text, so a
 * preview never ends in a broken character and is not taken for binary.
 */
export function previewOf(body: Buffer, limit: number): { preview: WireBytes; truncated: boolean } {
  if (body.length <= limit) return { preview: toWireBytes(body), truncated: false };
  let end = limit;
  // Step back over UTF-8 continuation bytes (10xxxxxx), at most 3.
  for (let i = 0; i < 3 && end > 0 && ((body[end] as number) & 0xc0) === 0x80; i++) end--;
  return { preview: toWireBytes(body.subarray(0, end)), truncated: true };
}
