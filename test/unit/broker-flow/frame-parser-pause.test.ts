// The frame parser's pause: a blocked connection stops taking frames
// mid-chunk, and the rest is parsed, in order, when it resumes.
import { describe, expect, it } from 'vitest';
import { FrameParser } from '../../../electron/broker/protocol/frame-parser.js';
import type { Frame } from '../../../electron/broker/protocol/frame.js';

const frame = (channel: number) => Buffer.from([8, 0, channel, 0, 0, 0, 0, 0xce]);

describe('FrameParser.push with proceed', () => {
  it('stops after the frame for which proceed answers false and resumes on an empty push', () => {
    const parser = new FrameParser(4096);
    const seen: number[] = [];
    let open = true;
    const onFrame = (f: Frame) => {
      seen.push(f.channel);
      if (f.channel === 2) open = false;
    };
    parser.push(Buffer.concat([frame(1), frame(2), frame(3), frame(4).subarray(0, 5)]), onFrame, () => open);
    expect(seen).toEqual([1, 2]);
    open = true;
    parser.push(Buffer.alloc(0), onFrame, () => open);
    expect(seen).toEqual([1, 2, 3]);
    parser.push(frame(4).subarray(5), onFrame, () => open);
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});
