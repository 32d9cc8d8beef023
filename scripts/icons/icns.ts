import { readPngInfo } from './png-info.js';

/** Apple's PNG-bearing icon types and the pixel size each holds (retina types hold 2× their point size). */
export const ICNS_TYPES: readonly { type: string; pixels: number }[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
  { type: 'ic11', pixels: 32 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic14', pixels: 512 },
];

/** A macOS .icns: 'icns' + total length, then one (type, length, PNG) element per icon type. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements: Buffer[] = [];
  for (const { type, pixels } of ICNS_TYPES) {
    const png = pngBySize.get(pixels);
    if (!png) throw new Error(`an .icns needs a ${pixels}×${pixels} PNG for ${type}`);
    const { width, height } = readPngInfo(png);
    if (width !== pixels || height !== pixels) throw new Error(`the PNG for ${type} is ${width}×${height}, not ${pixels}×${pixels}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    elements.push(head, png);
  }
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

/** The elements of an .icns, each checked to be a PNG of the size its type names. */
export function decodeIcns(data: Buffer): Map<string, { width: number; height: number }> {
  if (data.length < 8 || data.toString('latin1', 0, 4) !== 'icns') throw new Error('not an .icns file');
  if (data.readUInt32BE(4) !== data.length) throw new Error(`.icns length field says ${data.readUInt32BE(4)}, the file has ${data.length} bytes`);
  const found = new Map<string, { width: number; height: number }>();
  let offset = 8;
  while (offset < data.length) {
    if (offset + 8 > data.length) throw new Error('.icns element header truncated');
    const type = data.toString('latin1', offset, offset + 4);
    const length = data.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > data.length) throw new Error(`.icns element ${type} runs past the end of the file`);
    const known = ICNS_TYPES.find((t) => t.type === type);
    if (known) {
      const { width, height } = readPngInfo(data.subarray(offset + 8, offset + length));
      if (width !== known.pixels || height !== known.pixels) throw new Error(`.icns element ${type} is ${width}×${height}, not ${known.pixels}×${known.pixels}`);
      found.set(type, { width, height });
    }
    offset += length;
  }
  return found;
}
