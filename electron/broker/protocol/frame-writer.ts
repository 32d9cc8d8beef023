// Frames the broker writes besides plain method frames: heartbeats, and
// content methods (method + header + body frames) built around the raw
// property bytes a message keeps, in as few buffers as possible.
import { FRAME_BODY, FRAME_END, FRAME_HEADER, FRAME_HEARTBEAT, FRAME_OVERHEAD } from './frame.js';
import { writeMethodFrame, type MethodArgs } from './generated.js';
import { WireWriter } from './wire-writer.js';

export const HEARTBEAT_FRAME = Buffer.from([FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, FRAME_END]);

/** The methods the broker sends with content. */
export type ContentMethodName = 'basic.deliver' | 'basic.get-ok' | 'basic.return';

/** Bodies up to this size are copied into the same buffer as the method and header (one copy beats several writes). */
const SINGLE_BUFFER_LIMIT = 16 * 1024;

const END_BYTE = Buffer.from([FRAME_END]);
const writer = new WireWriter();

/**
 * The frames of a content method: the method frame, a header frame (class
 * 60, the raw properties) and body frames no larger than frameMax. Returns
 * buffers to write in order.
 */
export function contentFrames<N extends ContentMethodName>(
  channel: number, name: N, args: MethodArgs[N], propertiesBytes: Buffer, body: Buffer, frameMax: number,
): Buffer[] {
  const maxBody = frameMax === 0 ? body.length : frameMax - FRAME_OVERHEAD;
  const w = writer;
  w.reset();
  writeMethodFrame(w, channel, name, args);
  w.u8(FRAME_HEADER);
  w.u16(channel);
  w.u32(12 + propertiesBytes.length);
  w.u16(60);
  w.u16(0);
  w.u64(body.length);
  w.bytes(propertiesBytes);
  w.u8(FRAME_END);
  if (body.length <= maxBody && body.length <= SINGLE_BUFFER_LIMIT) {
    if (body.length > 0) {
      w.u8(FRAME_BODY);
      w.u16(channel);
      w.u32(body.length);
      w.bytes(body);
      w.u8(FRAME_END);
    }
    return [w.take()];
  }
  const out: Buffer[] = [w.take()];
  for (let offset = 0; offset < body.length; offset += maxBody) {
    const chunk = body.subarray(offset, Math.min(body.length, offset + maxBody));
    const head = Buffer.allocUnsafe(7);
    head[0] = FRAME_BODY;
    head.writeUInt16BE(channel, 1);
    head.writeUInt32BE(chunk.length, 3);
    out.push(head, chunk, END_BYTE);
  }
  return out;
}
