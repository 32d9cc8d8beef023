import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { HistoryMarker } from '../../../shared/model/history.js';
import { type ChunkSize, chunkParts, HistoryFileError, readChunk, sizeOf } from './history-snapshot.js';
import type { HistoryState } from './history-store.js';
import type { Chunk } from './tier.js';

/**
 * What a history file holds after its snapshot: records appended once a
 * minute, each framed as type (1 byte), payload length (4), CRC-32 of type
 * and payload (4), payload. A crash in the middle of an append leaves a
 * record cut short or failing its CRC: reading stops there and says so.
 */
export type HistoryRecord =
  /** Scope keys added since, numbered on from the ones before. */
  | { type: 'keys'; keys: string[] }
  /** A sealed chunk of a tier. */
  | { type: 'chunk'; tier: 'full' | 'minute'; chunk: Chunk }
  /** Gaps and markers added since, and the broker's statistics flag now. */
  | { type: 'meta'; gaps: [number, number][]; markers: HistoryMarker[]; statsAvailable: boolean }
  /** The open chunks, packed: they stand until a later tail, or a sealed chunk of their tier, replaces them. */
  | { type: 'tail'; full: Chunk | null; minute: Chunk | null };

const TYPE_CODE = { keys: 1, chunk: 2, meta: 3, tail: 4 } as const;
const HEAD = 9;
const Keys = z.array(z.string());
const Meta = z.object({ gaps: z.array(z.tuple([z.number(), z.number()])), markers: z.array(HistoryMarker), statsAvailable: z.boolean() });

function chunkPayload(chunk: Chunk | null): Buffer[] {
  const head = Buffer.alloc(13);
  if (chunk === null) return [head];
  const size = sizeOf(chunk);
  head.writeUInt8(1, 0);
  head.writeUInt32LE(size.n, 1);
  head.writeUInt32LE(size.m, 5);
  head.writeUInt32LE(size.bytes, 9);
  return [head, ...chunkParts(chunk)];
}

function readChunkPayload(payload: Buffer, reader: { offset: number }, scopes: number): Chunk | null {
  if (reader.offset + 13 > payload.length) throw new HistoryFileError('a chunk record is cut short');
  const present = payload.readUInt8(reader.offset);
  const size: ChunkSize = { n: payload.readUInt32LE(reader.offset + 1), m: payload.readUInt32LE(reader.offset + 5), bytes: payload.readUInt32LE(reader.offset + 9) };
  reader.offset += 13;
  if (present === 0) return null;
  if (size.n < 1) throw new HistoryFileError('a chunk record has no points');
  return readChunk(payload, reader, size, scopes);
}

export function encodeRecord(record: HistoryRecord): Buffer {
  let parts: Buffer[];
  if (record.type === 'keys') parts = [Buffer.from(JSON.stringify(record.keys))];
  else if (record.type === 'meta') parts = [Buffer.from(JSON.stringify({ gaps: record.gaps, markers: record.markers, statsAvailable: record.statsAvailable }))];
  else if (record.type === 'chunk') parts = [Buffer.of(record.tier === 'full' ? 0 : 1), ...chunkPayload(record.chunk)];
  else parts = [...chunkPayload(record.full), ...chunkPayload(record.minute)];
  const payload = Buffer.concat(parts);
  const head = Buffer.alloc(HEAD);
  head.writeUInt8(TYPE_CODE[record.type], 0);
  head.writeUInt32LE(payload.length, 1);
  head.writeUInt32LE(crc32(payload, crc32(head.subarray(0, 1))), 5);
  return Buffer.concat([head, payload]);
}

/** A record's payload, decoded: chunk ids are checked against the `scopes` known when it was written. */
function decodePayload(code: number, payload: Buffer, scopes: number): HistoryRecord {
  const json = (schema: z.ZodTypeAny) => {
    try {
      return schema.parse(JSON.parse(payload.toString('utf8')));
    } catch (err) {
      throw new HistoryFileError(`unreadable record: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  if (code === TYPE_CODE.keys) return { type: 'keys', keys: json(Keys) as string[] };
  if (code === TYPE_CODE.meta) return { type: 'meta', ...(json(Meta) as z.infer<typeof Meta>) };
  const reader = { offset: code === TYPE_CODE.chunk ? 1 : 0 };
  if (code === TYPE_CODE.chunk) {
    const chunk = readChunkPayload(payload, reader, scopes);
    if (chunk === null) throw new HistoryFileError('a chunk record without its chunk');
    return { type: 'chunk', tier: payload.readUInt8(0) === 0 ? 'full' : 'minute', chunk };
  }
  if (code === TYPE_CODE.tail) return { type: 'tail', full: readChunkPayload(payload, reader, scopes), minute: readChunkPayload(payload, reader, scopes) };
  throw new HistoryFileError(`unknown record type ${code}`);
}

export interface Replayed {
  state: HistoryState;
  /** Where the readable records end: the file's length, unless its tail was damaged. */
  end: number;
  /** Why reading stopped before the end of the file (a crash mid-append), or null. */
  damagedTail: string | null;
}

/**
 * Applies the records found in `file` from `offset` to a snapshot's state.
 * The first record that is cut short, fails its CRC or does not make sense
 * ends the reading: what came before it is kept.
 */
export function replayRecords(snapshot: HistoryState, file: Buffer, offset: number): Replayed {
  const keys = [...snapshot.keys];
  const full = [...snapshot.full];
  const minutes = [...snapshot.minutes];
  const gaps = [...snapshot.gaps];
  const markers = [...snapshot.markers];
  let statsAvailable = snapshot.statsAvailable;
  let tail: { full: Chunk | null; minute: Chunk | null } = { full: null, minute: null };
  let at = offset;
  let damagedTail: string | null = null;
  while (at < file.length) {
    if (at + HEAD > file.length) {
      damagedTail = 'a record header is cut short';
      break;
    }
    const code = file.readUInt8(at);
    const length = file.readUInt32LE(at + 1);
    if (at + HEAD + length > file.length) {
      damagedTail = 'a record is cut short';
      break;
    }
    const payload = file.subarray(at + HEAD, at + HEAD + length);
    if (crc32(payload, crc32(file.subarray(at, at + 1))) !== file.readUInt32LE(at + 5)) {
      damagedTail = 'a record fails its checksum';
      break;
    }
    let record: HistoryRecord;
    try {
      record = decodePayload(code, payload, keys.length);
    } catch (err) {
      damagedTail = err instanceof Error ? err.message : String(err);
      break;
    }
    if (record.type === 'keys') keys.push(...record.keys);
    else if (record.type === 'meta') {
      gaps.push(...record.gaps);
      markers.push(...record.markers);
      statsAvailable = record.statsAvailable;
    } else if (record.type === 'chunk') {
      (record.tier === 'full' ? full : minutes).push(record.chunk);
      tail = record.tier === 'full' ? { ...tail, full: null } : { ...tail, minute: null };
    } else tail = { full: record.full, minute: record.minute };
    at += HEAD + length;
  }
  if (tail.full) full.push(tail.full);
  if (tail.minute) minutes.push(tail.minute);
  return { state: { keys, full, minutes, gaps, markers, statsAvailable }, end: at, damagedTail };
}
