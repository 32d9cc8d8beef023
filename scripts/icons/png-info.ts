import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  /** PNG colour type: 6 is RGBA, the one icons need for transparent corners. */
  colorType: number;
}

/**
 * Reads a PNG's header and walks its chunks, checking each CRC up to IEND, so
 * a truncated or corrupted file is refused rather than measured.
 */
export function readPngInfo(data: Buffer): PngInfo {
  if (data.length < SIGNATURE.length || !data.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  let offset = 8;
  let info: PngInfo | null = null;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > data.length) throw new Error(`PNG truncated in chunk ${type}`);
    const expected = data.readUInt32BE(end - 4);
    if (crc32(data.subarray(offset + 4, end - 4)) !== expected) throw new Error(`PNG chunk ${type} has a bad CRC`);
    if (info === null) {
      if (type !== 'IHDR' || length !== 13) throw new Error('PNG does not start with IHDR');
      info = { width: data.readUInt32BE(offset + 8), height: data.readUInt32BE(offset + 12), colorType: data[offset + 17] as number };
    }
    if (type === 'IEND') return info;
    offset = end;
  }
  throw new Error('PNG has no IEND chunk');
}
