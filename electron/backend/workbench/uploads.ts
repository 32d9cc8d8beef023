import { MAX_BODY_BYTES, type WireBytes } from '../../../shared/model/workbench/message.js';
import { ApiError } from '../../../shared/api/errors.js';
import { fromWireBytes } from './codec/wire-bytes.js';

/** Uploads are kept this long after their last chunk, then forgotten. */
const UPLOAD_TTL_MS = 10 * 60_000;
/** All uploads together: a page cannot make the backend hold more than this. */
const MAX_TOTAL_BYTES = 2 * MAX_BODY_BYTES;

export interface Uploads {
  /** Appends a chunk; chunks arrive in order, so `offset` must equal what was received so far. */
  append(uploadId: string, offset: number, chunk: WireBytes): number;
  /** The whole upload, removed from the registry: a publish or load uses it once. */
  take(uploadId: string): Buffer;
  clear(): void;
}

/**
 * Bodies and dump files too large for one request (a WebSocket message from a page is at most
 * 1 MiB) arrive in chunks and wait here for the call that names them.
 */
export function createUploads(now: () => number = Date.now): Uploads {
  const uploads = new Map<string, { chunks: Buffer[]; size: number; touched: number }>();
  let total = 0;

  const expire = () => {
    for (const [id, upload] of uploads) {
      if (now() - upload.touched > UPLOAD_TTL_MS) {
        uploads.delete(id);
        total -= upload.size;
      }
    }
  };

  return {
    append(uploadId, offset, chunk) {
      expire();
      const bytes = fromWireBytes(chunk);
      const upload = uploads.get(uploadId) ?? { chunks: [], size: 0, touched: now() };
      if (offset !== upload.size) {
        throw new ApiError('bad_request', `Upload ${uploadId}: chunk at byte ${offset}, but ${upload.size} bytes were received so far`);
      }
      if (upload.size + bytes.length > MAX_BODY_BYTES) {
        throw new ApiError('bad_request', `Upload ${uploadId} is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB, the largest message Warren publishes`);
      }
      if (total + bytes.length > MAX_TOTAL_BYTES) {
        throw new ApiError('bad_request', 'Too many uploads are waiting to be published; try again when they are done');
      }
      upload.chunks.push(bytes);
      upload.size += bytes.length;
      upload.touched = now();
      total += bytes.length;
      uploads.set(uploadId, upload);
      return upload.size;
    },
    take(uploadId) {
      expire();
      const upload = uploads.get(uploadId);
      if (!upload) throw new ApiError('not_found', `No upload ${uploadId}: it was used already, or it expired after ${UPLOAD_TTL_MS / 60_000} minutes`);
      uploads.delete(uploadId);
      total -= upload.size;
      return Buffer.concat(upload.chunks, upload.size);
    },
    clear() {
      uploads.clear();
      total = 0;
    },
  };
}
