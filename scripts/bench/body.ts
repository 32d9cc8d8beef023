// Every message carries who sent it, its sequence number and when it was
// sent, so the consumer can check for losses and duplicates and measure
// end-to-end latency without any side table. Producers and consumers share
// one process, so performance.now() is one clock for both ends.
import { BODY_HEADER_BYTES } from './options.js';

export interface BodyStamp {
  producer: number;
  seq: number;
  /** performance.now() at publish, in ms. */
  sentAt: number;
}

export function encodeBody(size: number, stamp: BodyStamp): Buffer {
  if (size < BODY_HEADER_BYTES) throw new Error(`body size ${size} is below the ${BODY_HEADER_BYTES}-byte stamp`);
  const body = Buffer.alloc(size);
  body.writeUInt32BE(stamp.producer, 0);
  body.writeUInt32BE(stamp.seq, 4);
  body.writeDoubleBE(stamp.sentAt, 8);
  return body;
}

export function decodeBody(body: Buffer): BodyStamp {
  if (body.length < BODY_HEADER_BYTES) throw new Error(`received a ${body.length}-byte body; every benchmark body is at least ${BODY_HEADER_BYTES} bytes`);
  return { producer: body.readUInt32BE(0), seq: body.readUInt32BE(4), sentAt: body.readDoubleBE(8) };
}
