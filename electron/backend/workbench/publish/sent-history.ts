import type { PublishMessage, SentMessage } from '../../../../shared/model/workbench/publish.js';
import { previewOf } from '../codec/wire-bytes.js';

/** Newest first, at most this many runs. */
export const SENT_HISTORY_ENTRIES = 200;
/** A body above this is kept cut (at a UTF-8 boundary when it is text) and marked truncated. */
export const SENT_BODY_BYTES = 256 * 1024;
/** All kept bodies together: the file is rewritten after each run, so it has to stay small. */
export const SENT_HISTORY_BODY_BYTES = 16 * 1024 * 1024;

export function sentEntry(id: string, sentAt: number, message: PublishMessage, body: Buffer, rest: Pick<SentMessage, 'repeat' | 'counts' | 'status'>): SentMessage {
  const { body: _source, ...form } = message;
  const { preview, truncated } = previewOf(body, SENT_BODY_BYTES);
  return { id, sentAt, message: { ...form, body: preview }, bodySize: body.length, bodyTruncated: truncated, ...rest };
}

const keptBytes = (entry: SentMessage) => entry.message.body.data.length;

/** The history with `entry` in front, bounded by count and by the bodies' total size (the newest entry always stays). */
export function addSent(history: SentMessage[], entry: SentMessage): SentMessage[] {
  const out = [entry];
  let bytes = keptBytes(entry);
  for (const older of history) {
    if (out.length >= SENT_HISTORY_ENTRIES) break;
    bytes += keptBytes(older);
    if (bytes > SENT_HISTORY_BODY_BYTES) break;
    out.push(older);
  }
  return out;
}
