import type { ConsoleClient } from '../../shared/api/contract.js';
import type { BodySource, WireBytes } from '../../shared/model/workbench/message.js';
import { MAX_INLINE_BODY_BYTES } from '../../shared/model/workbench/message.js';
import { bytesToBase64, bytesToWire } from './message-bytes.js';

/**
 * Bytes per chunk. Chunks go as base64 (4/3 larger) inside a JSON request, and the web
 * transport refuses requests over 1 MiB: 512 KiB of bytes is about 683 KiB on the wire.
 */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

export interface Chunk {
  readonly offset: number;
  readonly length: number;
}

/** The slices a body of `size` bytes goes up in, in order. */
export function chunkPlan(size: number, chunkBytes = UPLOAD_CHUNK_BYTES): Chunk[] {
  const chunks: Chunk[] = [];
  for (let offset = 0; offset < size; offset += chunkBytes) chunks.push({ offset, length: Math.min(chunkBytes, size - offset) });
  return chunks;
}

export const needsUpload = (size: number): boolean => size > MAX_INLINE_BODY_BYTES;

/** Escaped text may grow up to six times in JSON (control characters as \u00XX): beyond this it goes as base64. */
const MAX_INLINE_TEXT_CHARS = 900 * 1024;

/** An inline body, as text when that is exact and stays small on the wire, else as base64. */
export function inlineWire(bytes: Uint8Array): WireBytes {
  const wire = bytesToWire(bytes);
  if (wire.encoding === 'utf8' && JSON.stringify(wire.data).length > MAX_INLINE_TEXT_CHARS) return { encoding: 'base64', data: bytesToBase64(bytes) };
  return wire;
}

/**
 * The body as a publish or RPC call names it: inline when small, else uploaded first in
 * chunks (always base64, so no byte is reinterpreted), reporting bytes sent after each.
 */
export async function bodySource(
  client: ConsoleClient,
  bytes: Uint8Array,
  onProgress: (sent: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<BodySource | null> {
  if (!needsUpload(bytes.length)) return { kind: 'inline', bytes: inlineWire(bytes) };
  const uploadId = crypto.randomUUID();
  onProgress(0, bytes.length);
  for (const chunk of chunkPlan(bytes.length)) {
    if (isCancelled()) return null;
    const data = bytesToBase64(bytes.subarray(chunk.offset, chunk.offset + chunk.length));
    await client.call('workbench.bodyUpload', { uploadId, offset: chunk.offset, chunk: { encoding: 'base64', data } });
    onProgress(chunk.offset + chunk.length, bytes.length);
  }
  return { kind: 'upload', uploadId };
}
