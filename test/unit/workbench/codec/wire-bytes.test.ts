import { describe, expect, it } from 'vitest';
import { fromWireBytes, previewOf, toWireBytes } from '../../../../electron/backend/workbench/codec/wire-bytes.js';

describe('wire bytes', () => {
  it('text travels as text, binary as base64, and both come back byte for byte', () => {
    const text = Buffer.from('héllo wörld ✓');
    expect(toWireBytes(text)).toEqual({ encoding: 'utf8', data: 'héllo wörld ✓' });
    const binary = Buffer.from([0xc3, 0x28, 0xff, 0x00, 0x41]);
    expect(toWireBytes(binary).encoding).toBe('base64');
    for (const bytes of [text, binary, Buffer.alloc(0), Buffer.from([0])]) expect(fromWireBytes(toWireBytes(bytes)).equals(bytes)).toBe(true);
  });

  it('valid UTF-8 with a NUL is sent as base64: text boxes would lose it', () => {
    expect(toWireBytes(Buffer.from('a\u0000b')).encoding).toBe('base64');
  });

  it('works on a view into a larger buffer', () => {
    const big = Buffer.from('xxABCxx');
    expect(toWireBytes(big.subarray(2, 5))).toEqual({ encoding: 'utf8', data: 'ABC' });
    const bin = Buffer.from([1, 0, 2, 0, 3]);
    expect(fromWireBytes(toWireBytes(bin.subarray(1, 4)))).toEqual(Buffer.from([0, 2, 0]));
  });

  it('a preview of text is cut back to a whole character and stays text', () => {
    // 'é' is 2 bytes, '✓' is 3, '😀' is 4: cut at every byte inside each, the preview never ends in half a character.
    for (const ch of ['é', '✓', '😀']) {
      const body = Buffer.from(`ab${ch}cd`);
      for (let limit = 2; limit < 2 + Buffer.byteLength(ch); limit++) {
        const { preview, truncated } = previewOf(body, limit);
        expect(truncated).toBe(true);
        expect(preview).toEqual({ encoding: 'utf8', data: 'ab' });
      }
      expect(previewOf(body, 2 + Buffer.byteLength(ch)).preview).toEqual({ encoding: 'utf8', data: `ab${ch}` });
    }
  });

  it('a body within the limit is whole and not truncated; a binary one is cut at most 3 bytes before the limit', () => {
    expect(previewOf(Buffer.from('abc'), 3)).toEqual({ preview: { encoding: 'utf8', data: 'abc' }, truncated: false });
    const binary = Buffer.from([0xff, 0x80, 0x80, 0x80, 0x80, 0x80]);
    const { preview, truncated } = previewOf(binary, 5);
    expect(truncated).toBe(true);
    expect(preview.encoding).toBe('base64');
    expect(fromWireBytes(preview)).toEqual(binary.subarray(0, 2));
  });
});
