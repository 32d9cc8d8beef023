import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { HistoryMarker } from '../../../shared/model/history.js';
import type { HistoryState } from './history-store.js';
import type { Chunk } from './tier.js';

/**
 * One profile's history on disk: a JSON header (scope keys, gaps, markers,
 * chunk sizes), the packed chunks as they sit in memory, and a CRC-32 of all
 * of it. Written whole to a temporary file, fsynced and renamed over the old
 * one, so a crash leaves the previous file or the new one, never half of
 * either. Its size follows memory's: the retention and the packing bound it.
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

const sizeOf = (c: Chunk) => ({ n: c.times.length, m: c.ids.length, bytes: c.data.length });
const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

export function encodeHistory(state: HistoryState): Buffer {
  const header = Buffer.from(
    JSON.stringify({ keys: state.keys, gaps: state.gaps, markers: state.markers, statsAvailable: state.statsAvailable, full: state.full.map(sizeOf), minutes: state.minutes.map(sizeOf) }),
  );
  const lead = Buffer.alloc(8);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(header.length, 4);
  const parts: Buffer[] = [lead, header];
  for (const c of [...state.full, ...state.minutes]) parts.push(bytesOf(c.times), bytesOf(c.ids), bytesOf(c.offsets), bytesOf(c.data));
  const body = Buffer.concat(parts);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32(body), 0);
  return Buffer.concat([body, trailer]);
}

export function decodeHistory(file: Buffer): HistoryState {
  if (file.length < 12 || file.toString('latin1', 0, 4) !== MAGIC) throw new HistoryFileError('not a Warren history file');
  const body = file.subarray(0, file.length - 4);
  if (crc32(body) !== file.readUInt32LE(file.length - 4)) throw new HistoryFileError('checksum mismatch (damaged or cut short)');
  const headerLength = file.readUInt32LE(4);
  let header: z.infer<typeof Header>;
  try {
    header = Header.parse(JSON.parse(body.toString('utf8', 8, 8 + headerLength)));
  } catch (err) {
    throw new HistoryFileError(`unreadable header: ${err instanceof Error ? err.message : String(err)}`);
  }
  let offset = 8 + headerLength;
  // Copies, so each typed array gets an aligned buffer of its own.
  const take = (bytes: number) => {
    if (offset + bytes > body.length) throw new HistoryFileError('chunks run past the end of the file');
    const out = new Uint8Array(bytes);
    out.set(body.subarray(offset, offset + bytes));
    offset += bytes;
    return out.buffer;
  };
  const chunk = (size: z.infer<typeof ChunkSize>): Chunk => {
    const c: Chunk = {
      times: new Float64Array(take(size.n * 8)),
      ids: new Int32Array(take(size.m * 4)),
      offsets: new Uint32Array(take((size.m + 1) * 4)),
      data: new Uint8Array(take(size.bytes)),
    };
    checkChunk(c, header.keys.length);
    return c;
  };
  const full = header.full.map(chunk);
  const minutes = header.minutes.map(chunk);
  if (offset !== body.length) throw new HistoryFileError('trailing bytes after the chunks');
  return { keys: header.keys, gaps: header.gaps, markers: header.markers, statsAvailable: header.statsAvailable, full, minutes };
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

/** Writes atomically: temporary file, fsync, rename, fsync of the folder. */
export async function writeHistoryFile(file: string, state: HistoryState): Promise<number> {
  const bytes = encodeHistory(state);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  const dir = await fs.open(path.dirname(file), 'r').catch(() => null);
  if (dir) {
    await dir.sync().catch(() => undefined);
    await dir.close();
  }
  return bytes.length;
}

/** The saved state, or null when there is no file yet; HistoryFileError when it is damaged. */
export async function readHistoryFile(file: string): Promise<{ state: HistoryState; bytes: number } | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HistoryFileError(`unreadable: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { state: decodeHistory(bytes), bytes: bytes.length };
}
