import { readPngInfo } from './png-info.js';

/**
 * A Windows .ico holding PNG images (Vista and later read PNG entries):
 * ICONDIR, one ICONDIRENTRY per image, then the PNG files as they are.
 * A width or height of 256 is written as 0, as the format requires.
 */
export function encodeIco(pngs: readonly Buffer[]): Buffer {
  if (pngs.length === 0) throw new Error('an .ico needs at least one image');
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const { width, height } = readPngInfo(png);
    if (width > 256 || height > 256) throw new Error(`an .ico image is at most 256×256, not ${width}×${height}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(width === 256 ? 0 : width, 0);
    entry.writeUInt8(height === 256 ? 0 : height, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

export interface IcoImage {
  width: number;
  height: number;
  png: Buffer;
}

/** The images of an .ico written by encodeIco (PNG entries only). */
export function decodeIco(data: Buffer): IcoImage[] {
  if (data.length < 6 || data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = data.readUInt16LE(4);
  const images: IcoImage[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 16 * i;
    if (at + 16 > data.length) throw new Error('.ico directory truncated');
    const size = data.readUInt32LE(at + 8);
    const offset = data.readUInt32LE(at + 12);
    if (offset + size > data.length) throw new Error(`.ico image ${i} runs past the end of the file`);
    const png = data.subarray(offset, offset + size);
    const info = readPngInfo(png);
    const width = data.readUInt8(at) || 256;
    const height = data.readUInt8(at + 1) || 256;
    if (info.width !== width || info.height !== height) throw new Error(`.ico entry ${i} says ${width}×${height}, its PNG is ${info.width}×${info.height}`);
    images.push({ width, height, png });
  }
  return images;
}
