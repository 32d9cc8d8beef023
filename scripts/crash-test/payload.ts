// Message bodies that prove themselves intact: a 12-byte header (magic, id,
// size) and bytes that are a function of (seed, id), so a recovered body is
// checked byte for byte without keeping a copy. Sizes vary from a few bytes to
// bodies above the broker's frame_max (131072), which travel as several body
// frames and are stored as one record.
import { seededRandom } from './rng.js';

const MAGIC = 0x43525348; // "CRSH"
export const HEADER_BYTES = 12;
const FRAME_MAX = 131_072;

/** One id's stream of randomness: the run's seed and the id mixed, so neighbouring ids differ. */
function streamFor(seed: number, id: number) {
  return seededRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(id + 1, 0xc2b2ae35));
}

/** Mostly small, a quarter a few KiB, 2 % above frame_max. */
export function bodySize(seed: number, id: number): number {
  const random = streamFor(seed, id);
  const p = random();
  if (p < 0.02) return FRAME_MAX + Math.floor(random() * 270_000);
  if (p < 0.25) return 1024 + Math.floor(random() * 15_360);
  return HEADER_BYTES + Math.floor(random() * 500);
}

function fill(seed: number, id: number, body: Buffer): void {
  const random = streamFor(seed, id ^ 0x5bd1e995);
  let i = HEADER_BYTES;
  for (; i + 4 <= body.length; i += 4) body.writeUInt32BE(Math.floor(random() * 4294967296), i);
  for (; i < body.length; i++) body[i] = Math.floor(random() * 256);
}

export function messageBody(seed: number, id: number): Buffer {
  const body = Buffer.alloc(bodySize(seed, id));
  body.writeUInt32BE(MAGIC, 0);
  body.writeUInt32BE(id, 4);
  body.writeUInt32BE(body.length, 8);
  fill(seed, id, body);
  return body;
}

export type BodyCheck = { id: number } | { corrupt: string };

/** The id a body carries, or what is wrong with it. */
export function checkBody(seed: number, body: Buffer): BodyCheck {
  if (body.length < HEADER_BYTES) return { corrupt: `${body.length}-byte body, shorter than the header` };
  if (body.readUInt32BE(0) !== MAGIC) return { corrupt: 'no crash-test header' };
  const id = body.readUInt32BE(4);
  const size = bodySize(seed, id);
  if (body.readUInt32BE(8) !== size || body.length !== size) return { corrupt: `id ${id}: ${body.length} bytes, expected ${size}` };
  if (!messageBody(seed, id).equals(body)) return { corrupt: `id ${id}: content differs` };
  return { id };
}
