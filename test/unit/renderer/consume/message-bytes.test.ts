import { describe, expect, it } from 'vitest';
import { bytesToWire, formatBytes, hexLine, wireText, wireToBytes } from '../../../../renderer/workbench/message-bytes.js';

describe('message bytes', () => {
  it('round-trips text and binary without mangling either', () => {
    const binary = new Uint8Array([0, 255, 16, 0xc3]);
    const wire = bytesToWire(binary);
    expect(wire.encoding).toBe('base64');
    expect([...wireToBytes(wire)]).toEqual([...binary]);
    expect(bytesToWire(new TextEncoder().encode('héllo'))).toEqual({ encoding: 'utf8', data: 'héllo' });
  });

  it('reads a preview cut inside a multi-byte character as text, and binary as not text', () => {
    const cut = new TextEncoder().encode('prix 10 €').subarray(0, 10);
    const wire = bytesToWire(cut);
    expect(wire.encoding).toBe('base64');
    expect(wireText(wire, true)).toBe('prix 10 ');
    expect(wireText(wire, false)).toBeNull();
    expect(wireText(bytesToWire(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0xfb])), true)).toBeNull();
  });

  it('formats sizes and hex lines', () => {
    expect([812, 65_536, 11_010_048, 1536].map(formatBytes)).toEqual(['812 B', '64 KiB', '10.5 MiB', '1.5 KiB']);
    const bytes = new TextEncoder().encode('Hello, AMQP!\n\u0001xyz');
    expect(hexLine(bytes, 0)).toBe('00000000  48 65 6c 6c 6f 2c 20 41  4d 51 50 21 0a 01 78 79  Hello, AMQP!..xy');
    expect(hexLine(bytes, 16)).toBe(`00000010  7a ${' '.repeat(3 * 7)} ${' '.repeat(3 * 8)} z`);
  });
});
