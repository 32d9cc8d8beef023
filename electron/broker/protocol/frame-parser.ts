// Streaming frame parser: feed it socket chunks in any split, it yields whole
// frames. Payloads are slices of the input when a frame lies within one chunk
// (no copy); chunks are concatenated once only when a frame spans them.
import { payloadSnippet } from '../erlang-term.js';
import { FRAME_END, FRAME_HEADER_SIZE, FRAME_OVERHEAD, type Frame } from './frame.js';

/** A framing violation (wrong frame end, frame too large): a 501 FRAME_ERROR, texted as rabbit_reader does. */
export class FrameError extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export class FrameParser {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Largest frame accepted, including overhead; 0 means no limit. */
  frameMax: number;

  constructor(frameMax: number) {
    this.frameMax = frameMax;
  }

  /**
   * Parses as many whole frames as `chunk` completes; calls `onFrame` for each.
   * When `proceed` answers false after a frame, parsing stops there and the
   * rest stays pending until the next push (an empty chunk resumes it).
   */
  push(chunk: Buffer, onFrame: (frame: Frame) => void, proceed: () => boolean = () => true): void {
    let buf: Buffer;
    if (this.pendingLength === 0) {
      buf = chunk;
    } else {
      this.pending.push(chunk);
      this.pendingLength += chunk.length;
      if (this.pendingLength < this.needed()) return;
      buf = Buffer.concat(this.pending, this.pendingLength);
      this.pending = [];
      this.pendingLength = 0;
    }
    let offset = 0;
    while (buf.length - offset >= FRAME_HEADER_SIZE) {
      const type = buf[offset]!;
      const channel = buf.readUInt16BE(offset + 1);
      const size = buf.readUInt32BE(offset + 3);
      // Like rabbit_reader (FRAME_SIZE_FUDGE), a payload may reach frame_max itself; the error still reports frame_max - 8.
      if (this.frameMax > 0 && size > this.frameMax) {
        throw new FrameError(`type ${type}, all octets = <<>>: {frame_too_large,${size},${this.frameMax - FRAME_OVERHEAD}}`);
      }
      const end = offset + FRAME_HEADER_SIZE + size;
      if (buf.length < end + 1) break;
      if (buf[end] !== FRAME_END) {
        throw new FrameError(`type ${type}, ${payloadSnippet(buf.subarray(offset + FRAME_HEADER_SIZE, end))}: {invalid_frame_end_marker,${buf[end]}}`);
      }
      const payload = buf.subarray(offset + FRAME_HEADER_SIZE, end);
      offset = end + 1;
      try {
        onFrame({ type, channel, payload });
      } catch (err) {
        // The handler refused this frame; stay aligned on the next one so a later close-ok is still read.
        this.keep(buf, offset);
        throw err;
      }
      if (!proceed()) break;
    }
    this.keep(buf, offset);
  }

  private keep(buf: Buffer, offset: number): void {
    if (offset < buf.length) {
      const rest = buf.subarray(offset);
      this.pending.push(rest);
      this.pendingLength = rest.length;
    }
  }

  /** Bytes needed to complete the first pending frame (or its header). */
  private needed(): number {
    if (this.pendingLength < FRAME_HEADER_SIZE) return FRAME_HEADER_SIZE;
    const head = this.pending[0]!.length >= FRAME_HEADER_SIZE ? this.pending[0]! : Buffer.concat(this.pending);
    const size = head.readUInt32BE(3);
    // An oversize frame must be reported now, not after buffering it.
    if (this.frameMax > 0 && size > this.frameMax) return 0;
    return FRAME_HEADER_SIZE + size + 1;
  }
}
