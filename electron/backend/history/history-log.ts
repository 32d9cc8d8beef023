import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryMarker } from '../../../shared/model/history.js';
import { encodeRecord, type HistoryRecord, replayRecords } from './history-records.js';
import { decodeSnapshot, encodeSnapshot, HistoryFileError } from './history-snapshot.js';
import type { HistoryState, HistoryStore } from './history-store.js';
import type { Chunk } from './tier.js';

/**
 * One profile's history file as an append log: a snapshot, then records
 * appended every minute with what the store sealed, added or learnt since
 * (see history-records). Compaction writes a fresh snapshot to a temporary
 * file, fsyncs it and renames it over the log: at load, and when the log has
 * grown past twice the size of what the store holds. So a minute costs the
 * bytes of that minute, not of the whole history.
 */

/** Compaction waits for the log to pass twice the live size plus this, so a small history is not rewritten every minute. */
export const COMPACT_SLACK_BYTES = 1024 * 1024;

export interface LoadedLog {
  state: HistoryState;
  bytes: number;
  /** Why the end of the file was dropped (a crash in the middle of an append), or null. */
  damagedTail: string | null;
  droppedBytes: number;
}

/** The history in `file`, or null when there is none yet; HistoryFileError when its snapshot is damaged. */
export async function readHistoryLog(file: string): Promise<LoadedLog | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HistoryFileError(`unreadable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const snapshot = decodeSnapshot(bytes);
  const replayed = replayRecords(snapshot.state, bytes, snapshot.length);
  return { state: replayed.state, bytes: bytes.length, damagedTail: replayed.damagedTail, droppedBytes: bytes.length - replayed.end };
}

/** Where the newest written item sits in `list` now; what comes after it is new (it may have been pruned: then everything is). */
function newSince<T>(list: readonly T[], last: T | null): T[] {
  return list.slice(last === null ? 0 : list.lastIndexOf(last) + 1);
}

/** What the file already holds, so the next append writes only what came after. */
interface Written {
  keys: number;
  full: Chunk | null;
  minute: Chunk | null;
  gap: [number, number] | null;
  marker: HistoryMarker | null;
}

const writtenOf = (store: HistoryStore): Written => ({
  keys: store.scopes.keys.length,
  full: store.full.sealed.at(-1) ?? null,
  minute: store.minutes.sealed.at(-1) ?? null,
  gap: store.gaps.at(-1) ?? null,
  marker: store.markers.at(-1) ?? null,
});

/** The records that bring a file holding `written` up to the store's state. */
export function recordsSince(store: HistoryStore, written: Written): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  const keys = store.scopes.keys.slice(written.keys);
  if (keys.length > 0) records.push({ type: 'keys', keys });
  for (const chunk of newSince(store.full.sealed, written.full)) records.push({ type: 'chunk', tier: 'full', chunk });
  for (const chunk of newSince(store.minutes.sealed, written.minute)) records.push({ type: 'chunk', tier: 'minute', chunk });
  records.push({ type: 'meta', gaps: newSince(store.gaps, written.gap), markers: newSince(store.markers, written.marker), statsAvailable: store.statsAvailable });
  records.push({ type: 'tail', full: store.full.packOpen(), minute: store.minutes.packOpen() });
  return records;
}

export class HistoryLog {
  readonly file: string;
  /** The file's length. */
  bytes: number;
  /** Bytes written since this log was opened, compactions included. */
  bytesWritten = 0;
  compactions = 0;
  private readonly slack: number;
  private written: Written | null = null;

  constructor(file: string, options: { compactSlackBytes?: number } = {}) {
    this.file = file;
    this.bytes = 0;
    this.slack = options.compactSlackBytes ?? COMPACT_SLACK_BYTES;
  }

  /** Writes what the store has that the file has not: appended, or as a compaction when there is no snapshot yet or the log has grown too long. */
  async save(store: HistoryStore): Promise<void> {
    const live = store.full.packedBytes() + store.minutes.packedBytes();
    if (this.written === null || this.bytes > 2 * live + this.slack) return this.compact(store);
    const records = recordsSince(store, this.written);
    const bytes = Buffer.concat(records.map(encodeRecord));
    const handle = await fs.open(this.file, 'a', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (err) {
      // Nothing may follow a half-written record: it would end every later reading there.
      await handle.truncate(this.bytes).catch(() => undefined);
      throw err;
    } finally {
      await handle.close();
    }
    this.bytes += bytes.length;
    this.bytesWritten += bytes.length;
    this.written = writtenOf(store);
  }

  /** Rewrites the file as the store's snapshot and its open chunks: temporary file, fsync, rename, fsync of the folder. */
  async compact(store: HistoryStore): Promise<void> {
    const written = writtenOf(store);
    const bytes = Buffer.concat([encodeSnapshot(store.state({ open: false })), encodeRecord({ type: 'tail', full: store.full.packOpen(), minute: store.minutes.packOpen() })]);
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.tmp`;
    const handle = await fs.open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, this.file);
    const dir = await fs.open(path.dirname(this.file), 'r').catch(() => null);
    if (dir) {
      await dir.sync().catch(() => undefined);
      await dir.close();
    }
    this.bytes = bytes.length;
    this.bytesWritten += bytes.length;
    this.compactions++;
    this.written = written;
  }
}
