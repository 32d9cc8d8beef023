// Frames the broker writes besides method frames: heartbeats, and content
// (header + body frames) built around the raw property bytes a message keeps.
import { FRAME_BODY, FRAME_END, FRAME_HEADER, FRAME_HEARTBEAT, FRAME_OVERHEAD } from './frame.js';
import { writeU64 } from './wire-writer.js';

export const HEARTBEAT_FRAME = Buffer.from([FRAME_HEARTBEAT, 0, 0, 0, 0, 0, 0, FRAME_END]);

/** Below this size, method + header + body go out as one buffer (one copy beats several writes). */
const SINGLE_BUFFER_LIMIT = 16 * 1024;

function writeFrameHeader(buf: Buffer, at: number, type: number, channel: number, size: number): void {
  buf[at] = type;
  buf.writeUInt16BE(channel, at + 1);
  buf.writeUInt32BE(size, at + 3);
}

/**
 * The frames for a content method: the encoded method frame, a header frame
 * (class 60, the raw properties) and body frames no larger than frameMax.
 * Returns buffers to write in order.
 */
export function contentFrames(channel: number, methodFrame: Buffer, propertiesBytes: Buffer, body: Buffer, frameMax: number): Buffer[] {
  const headerSize = 12 + propertiesBytes.length;
  const maxBody = frameMax === 0 ? body.length : frameMax - FRAME_OVERHEAD;
  const headerFrameLength = 7 + headerSize + 1;
  const small = body.length <= maxBody && methodFrame.length + headerFrameLength + body.length + FRAME_OVERHEAD <= SINGLE_BUFFER_LIMIT;
  const firstLength = methodFrame.length + headerFrameLength + (small && body.length > 0 ? body.length + FRAME_OVERHEAD : 0);
  const first = Buffer.allocUnsafe(firstLength);
  methodFrame.copy(first, 0);
  let o = methodFrame.length;
  writeFrameHeader(first, o, FRAME_HEADER, channel, headerSize);
  first.writeUInt16BE(60, o + 7);
  first.writeUInt16BE(0, o + 9);
  writeU64(first, body.length, o + 11);
  propertiesBytes.copy(first, o + 19);
  o += 7 + headerSize;
  first[o++] = FRAME_END;
  if (small) {
    if (body.length > 0) {
      writeFrameHeader(first, o, FRAME_BODY, channel, body.length);
      body.copy(first, o + 7);
      first[o + 7 + body.length] = FRAME_END;
    }
    return [first];
  }
  const out: Buffer[] = [first];
  for (let offset = 0; offset < body.length; offset += maxBody) {
    const chunk = body.subarray(offset, Math.min(body.length, offset + maxBody));
    const head = Buffer.allocUnsafe(7);
    writeFrameHeader(head, 0, FRAME_BODY, channel, chunk.length);
    out.push(head, chunk, END_BYTE);
  }
  return out;
}

const END_BYTE = Buffer.from([FRAME_END]);
