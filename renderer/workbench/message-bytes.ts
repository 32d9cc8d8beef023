import type { WireBytes } from '../../shared/model/workbench/message.js';

const encoder = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes a WireBytes carries: UTF-8 text encoded back, or base64 decoded. */
export function wireToBytes(wire: WireBytes): Uint8Array {
  if (wire.encoding === 'utf8') return encoder.encode(wire.data);
  const binary = atob(wire.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes as base64, in slices so a large body does not overflow the argument list of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes as the wire carries them: text when they are valid UTF-8, base64 otherwise, so binary is never mangled. */
export function bytesToWire(bytes: Uint8Array): WireBytes {
  try {
    return { encoding: 'utf8', data: strictUtf8.decode(bytes) };
  } catch {
    return { encoding: 'base64', data: bytesToBase64(bytes) };
  }
}

/**
 * The text of a body, or null when it is not UTF-8. A preview cut inside a
 * multi-byte character still reads as text: the cut character is dropped.
 */
export function wireText(wire: WireBytes, truncated = false): string | null {
  if (wire.encoding === 'utf8') return wire.data;
  const bytes = wireToBytes(wire);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    if (!truncated) return null;
    // A UTF-8 character is at most 4 bytes: try the cut before each of the last 3.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        return strictUtf8.decode(bytes.subarray(0, bytes.length - cut));
      } catch {
        // Not this cut: try one byte earlier.
      }
    }
    return null;
  }
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB'] as const;

/** 812 B, 64 KiB, 10.5 MiB. */
export function formatBytes(size: number): string {
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || Number.isInteger(value) || value >= 100 ? Math.round(value).toString() : value.toFixed(1);
  return `${digits} ${BYTE_UNITS[unit]}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** One line of a hex dump: offset, 16 bytes in hex, and the printable ASCII beside them. */
export function hexLine(bytes: Uint8Array, offset: number): string {
  const row = bytes.subarray(offset, offset + 16);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < 16; i++) {
    const b = row[i];
    hex += b === undefined ? '   ' : `${HEX[b]} `;
    if (i === 7) hex += ' ';
    if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} ${ascii}`;
}
