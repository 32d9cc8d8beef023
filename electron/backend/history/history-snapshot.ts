import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { HistoryMarker } from '../../../shared/model/history.js';
import type { HistoryState } from './history-store.js';
import type { Chunk } from './tier.js';

/**
 * A snapshot of one profile's history: a JSON header (scope keys, gaps,
 * markers, chunk sizes), the packed chunks as they sit in memory, and a
 * CRC-32 of all of it. It starts every history file (history-log appends
 * records after it) and was the whole file before the log: such a file is a
 * snapshot with nothing after it, read as it is.
 */
const MAGIC = 'WRH1';

const ChunkSize = z.object({ n: z.number().int().min(1), m: z.number().int().min(0), bytes: z.number().int().min(0) });
const Header = z.object({
  keys: z.array(z.string()),
  gaps: z.array(z.tuple([z.number(), z.number()])),
  markers: z.array(HistoryMarker),
  statsAvailable: z.boolean(),
  full: z.array(ChunkSize),
  minutes: z.array(ChunkSize),
});

export class HistoryFileError extends Error {}

export type ChunkSize = z.infer<typeof ChunkSize>;
export const sizeOf = (c: Chunk): ChunkSize => ({ n: c.times.length, m: c.ids.length, bytes: c.data.length });
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
/** A chunk's arrays as they are written after its size. */
export const chunkParts = (c: Chunk): Buffer[] => [bytesOf(c.times), bytesOf(c.ids), bytesOf(c.offsets), bytesOf(c.data)];
const chunkLength = (size: ChunkSize) => size.n * 8 + size.m * 4 + (size.m + 1) * 4 + size.bytes;

export function encodeSnapshot(state: HistoryState): Buffer {
  const header = Buffer.from(
    JSON.stringify({ keys: state.keys, gaps: state.gaps, markers: state.markers, statsAvailable: state.statsAvailable, full: state.full.map(sizeOf), minutes: state.minutes.map(sizeOf) }),
  );
  const lead = Buffer.alloc(8);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(header.length, 4);
  const parts: Buffer[] = [lead, header];
  for (const c of [...state.full, ...state.minutes]) parts.push(...chunkParts(c));
  const body = Buffer.concat(parts);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32(body), 0);
  return Buffer.concat([body, trailer]);
}

/** The snapshot a history file starts with, and its length in bytes (records may follow it). */
export function decodeSnapshot(file: Buffer): { state: HistoryState; length: number } {
  if (file.length < 12 || file.toString('latin1', 0, 4) !== MAGIC) throw new HistoryFileError('not a Warren history file');
  const headerLength = file.readUInt32LE(4);
  if (8 + headerLength + 4 > file.length) throw new HistoryFileError('header runs past the end of the file (cut short)');
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse(JSON.parse(file.toString('utf8', 8, 8 + headerLength)));
  } catch (err) {
    throw new HistoryFileError(`unreadable header: ${err instanceof Error ? err.message : String(err)}`);
  }
  const bodyLength = [...header.full, ...header.minutes].reduce((sum, size) => sum + chunkLength(size), 8 + headerLength);
  if (bodyLength + 4 > file.length) throw new HistoryFileError('chunks run past the end of the file (cut short)');
  const body = file.subarray(0, bodyLength);
  if (crc32(body) !== file.readUInt32LE(bodyLength)) throw new HistoryFileError('checksum mismatch (damaged)');
  const reader = { offset: 8 + headerLength };
  const full = header.full.map((size) => readChunk(body, reader, size, header.keys.length));
  const minutes = header.minutes.map((size) => readChunk(body, reader, size, header.keys.length));
  return { state: { keys: header.keys, gaps: header.gaps, markers: header.markers, statsAvailable: header.statsAvailable, full, minutes }, length: bodyLength + 4 };
}

/** Reads a chunk of `size` at reader.offset, moving it on; checks it against the number of scopes known. Copies, so each typed array gets an aligned buffer of its own. */
export function readChunk(bytes: Buffer, reader: { offset: number }, size: ChunkSize, scopes: number): Chunk {
  const take = (length: number) => {
    if (reader.offset + length > bytes.length) throw new HistoryFileError('a chunk runs past its end');
    const out = new Uint8Array(length);
    out.set(bytes.subarray(reader.offset, reader.offset + length));
    reader.offset += length;
    return out.buffer;
  };
  const c: Chunk = {
    times: new Float64Array(take(size.n * 8)),
    ids: new Int32Array(take(size.m * 4)),
    offsets: new Uint32Array(take((size.m + 1) * 4)),
    data: new Uint8Array(take(size.bytes)),
  };
  checkChunk(c, scopes);
  return c;
}

/** A chunk that passed the CRC can still be nonsense (another version's layout): check what reads rely on. */
function checkChunk(c: Chunk, scopes: number): void {
  for (let i = 0; i < c.ids.length; i++) {
    const id = c.ids[i] as number;
    if (id < 0 || id >= scopes || (i > 0 && id <= (c.ids[i - 1] as number))) throw new HistoryFileError('chunk lists an unknown or unsorted scope');
  }
  for (let i = 0; i < c.offsets.length; i++) {
    const o = c.offsets[i] as number;
    if (o > c.data.length || (i > 0 && o < (c.offsets[i - 1] as number))) throw new HistoryFileError('chunk offsets out of range');
  }
  for (let i = 1; i < c.times.length; i++) if ((c.times[i] as number) < (c.times[i - 1] as number)) throw new HistoryFileError('chunk times out of order');
}
