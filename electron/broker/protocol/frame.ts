// Frame-level constants and the frame shape shared by parser and writer.
import { FRAME_BODY, FRAME_END, FRAME_HEADER, FRAME_HEARTBEAT, FRAME_METHOD } from './generated.js';

export { FRAME_BODY, FRAME_END, FRAME_HEADER, FRAME_HEARTBEAT, FRAME_METHOD };

/** Type (1) + channel (2) + size (4) before the payload, frame-end (1) after it. */
export const FRAME_HEADER_SIZE = 7;
export const FRAME_OVERHEAD = 8;

export interface Frame {
  type: number;
  channel: number;
  payload: Buffer;
}
