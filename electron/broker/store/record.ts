// The message record of a queue's segment files (docs/storage.md): a header
// (magic, payload length, CRC-32 of the payload) and a payload holding what a
// queue entry needs without the body (expiry, priority) and the message.
import type { Message } from '../message.js';
import { decodeBasicProperties } from '../protocol/generated.js';
import { crc32 } from './crc32.js';

/** 'WMSG': starts every message record, so a reader can find the next record after a damaged one. */
export const RECORD_MAGIC = 0x574d5347;
/** magic u32, payload length u32, crc32(payload) u32. */
export const RECORD_HEADER = 12;
const MAGIC_BYTES = Buffer.from([0x57, 0x4d, 0x53, 0x47]);

/** payload: expiresAt f64, priority u8, exchange shortstr, routing key shortstr, properties u32-length + bytes, body. */
export function encodeRecord(m: Message, expiresAt: number, priority: number): Buffer {
  const exchangeLen = Buffer.byteLength(m.exchange);
  const keyLen = Buffer.byteLength(m.routingKey);
  const payloadLen = 8 + 1 + 1 + exchangeLen + 1 + keyLen + 4 + m.propertiesBytes.length + m.body.length;
  const b = Buffer.allocUnsafe(RECORD_HEADER + payloadLen);
  b.writeUInt32BE(RECORD_MAGIC, 0);
  b.writeUInt32BE(payloadLen, 4);
  let o = RECORD_HEADER;
  b.writeDoubleBE(expiresAt, o); o += 8;
  b[o++] = priority;
  b[o++] = exchangeLen;
  o += b.write(m.exchange, o);
  b[o++] = keyLen;
  o += b.write(m.routingKey, o);
  b.writeUInt32BE(m.propertiesBytes.length, o); o += 4;
  o += m.propertiesBytes.copy(b, o);
  m.body.copy(b, o);
  b.writeUInt32BE(crc32(b, RECORD_HEADER, b.length), 8);
  return b;
}

/** The fields of a payload that a paged-out entry keeps, read without decoding the message. */
export interface RecordSummary {
  expiresAt: number;
  priority: number;
  bodySize: number;
  /** Bytes of exchange, routing key and properties. */
  envelopeSize: number;
}

/** Reads the fixed fields and the layout of the payload b[start, end); throws when its fields overrun it. */
export function summarizePayload(b: Buffer, start: number, end: number): RecordSummary {
  const exchangeLen = b[start + 9]!;
  const keyLen = b[start + 10 + exchangeLen]!;
  const propsAt = start + 11 + exchangeLen + keyLen;
  if (propsAt + 4 > end) throw new RangeError('record fields overrun the record');
  const propsLen = b.readUInt32BE(propsAt);
  const bodyAt = propsAt + 4 + propsLen;
  if (bodyAt > end) throw new RangeError('record fields overrun the record');
  return { expiresAt: b.readDoubleBE(start), priority: b[start + 8]!, bodySize: end - bodyAt, envelopeSize: exchangeLen + keyLen + propsLen };
}

export interface DecodedRecord { message: Message; expiresAt: number; priority: number }

/** Decodes the payload b[start, end); the message owns copies of its bytes, so `b` may be reused. */
export function decodePayload(b: Buffer, start: number, end: number): DecodedRecord {
  let o = start;
  const expiresAt = b.readDoubleBE(o); o += 8;
  const priority = b[o++]!;
  const exchangeLen = b[o++]!;
  const exchange = b.toString('utf8', o, o + exchangeLen); o += exchangeLen;
  const keyLen = b[o++]!;
  const routingKey = b.toString('utf8', o, o + keyLen); o += keyLen;
  const propsLen = b.readUInt32BE(o); o += 4;
  const propertiesBytes = Buffer.from(b.subarray(o, o + propsLen)); o += propsLen;
  if (o > end) throw new RangeError('record fields overrun the record');
  const body = Buffer.from(b.subarray(o, end));
  return { message: { exchange, routingKey, properties: decodeBasicProperties(propertiesBytes, 0), propertiesBytes, body }, expiresAt, priority };
}

/** A whole, intact record at `o` (magic, length within `b`, CRC): its payload end, else -1. */
export function recordAt(b: Buffer, o: number): number {
  if (o + RECORD_HEADER > b.length || b.readUInt32BE(o) !== RECORD_MAGIC) return -1;
  const end = o + RECORD_HEADER + b.readUInt32BE(o + 4);
  if (end > b.length || crc32(b, o + RECORD_HEADER, end) !== b.readUInt32BE(o + 8)) return -1;
  return end;
}

export interface ScannedSegment {
  /** Offsets of the intact records, in order, and where each one's payload ends (flat arrays: a segment holds up to ~200,000 records). */
  offsets: number[];
  ends: number[];
  /** Damaged stretches followed by intact records: each lost at least one record. */
  damaged: { offset: number; bytes: number }[];
  /** Where a damaged or incomplete tail starts (the file is cut there), or undefined. */
  tornAt?: number;
}

/** Reads a segment's records; after damage it resynchronises on the next intact record (magic, length and CRC). */
export function scanSegment(b: Buffer): ScannedSegment {
  const out: ScannedSegment = { offsets: [], ends: [], damaged: [] };
  let o = 0;
  while (o < b.length) {
    const end = recordAt(b, o);
    if (end >= 0) {
      out.offsets.push(o);
      out.ends.push(end);
      o = end;
      continue;
    }
    let next = b.indexOf(MAGIC_BYTES, o + 1);
    while (next >= 0 && recordAt(b, next) < 0) next = b.indexOf(MAGIC_BYTES, next + 1);
    if (next < 0) {
      out.tornAt = o;
      return out;
    }
    out.damaged.push({ offset: o, bytes: next - o });
    o = next;
  }
  return out;
}
