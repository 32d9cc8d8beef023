import { describe, expect, it } from 'vitest';
import { decodeBody, encodeBody } from '../../../scripts/bench/body.js';

describe('message body stamp', () => {
  it('round-trips producer, seq and send time at any body size', () => {
    for (const size of [16, 1024]) {
      const body = encodeBody(size, { producer: 3, seq: 4_000_000_000, sentAt: 1234.5678 });
      expect(body.length).toBe(size);
      expect(decodeBody(body)).toEqual({ producer: 3, seq: 4_000_000_000, sentAt: 1234.5678 });
    }
  });

  it('refuses bodies too small for the stamp', () => {
    expect(() => encodeBody(8, { producer: 0, seq: 0, sentAt: 0 })).toThrow(/16-byte stamp/);
    expect(() => decodeBody(Buffer.alloc(4))).toThrow(/4-byte body/);
  });
});
