import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeIcns, encodeIcns, ICNS_TYPES } from '../../../scripts/icons/icns.js';
import { decodeIco, encodeIco } from '../../../scripts/icons/ico.js';
import { readPngInfo } from '../../../scripts/icons/png-info.js';
import { ICO_SIZES, ICON_SIZES, iconPngPath } from '../../../scripts/icons/sizes.js';

const root = path.resolve(import.meta.dirname, '../../..');
const png = (size: number) => readFileSync(path.join(root, iconPngPath(size)));
const allPngs = new Map(ICON_SIZES.map((size) => [size, png(size)]));

describe('icon files', () => {
  it('every committed PNG is an RGBA image of its size', () => {
    for (const size of ICON_SIZES) expect(readPngInfo(png(size))).toEqual({ width: size, height: size, colorType: 6 });
  });

  it('a PNG with a flipped byte, cut short or not a PNG at all is refused', () => {
    const damaged = Buffer.from(png(16));
    damaged[40] = (damaged[40] as number) ^ 0xff;
    expect(() => readPngInfo(damaged)).toThrow(/bad CRC/);
    expect(() => readPngInfo(png(16).subarray(0, 60))).toThrow(/truncated|no IEND/);
    expect(() => readPngInfo(Buffer.from('GIF89a....'))).toThrow('bad signature');
  });

  it('an .ico holds the PNGs as given, 256 px written as 0', () => {
    const ico = encodeIco(ICO_SIZES.map(png));
    expect(ico.readUInt8(6 + 16 * (ICO_SIZES.length - 1))).toBe(0);
    const images = decodeIco(ico);
    expect(images.map((i) => i.width)).toEqual([...ICO_SIZES]);
    expect(images[2]!.png.equals(png(32))).toBe(true);
    expect(() => encodeIco([png(512)])).toThrow('at most 256×256');
    expect(() => encodeIco([])).toThrow('at least one image');
  });

  it('an .icns has one PNG element per Apple icon type, each of its size', () => {
    const icns = encodeIcns(allPngs);
    expect([...decodeIcns(icns).keys()]).toEqual(ICNS_TYPES.map((t) => t.type));
    expect(() => encodeIcns(new Map([...allPngs].filter(([size]) => size !== 64)))).toThrow('needs a 64×64 PNG for icp6');
    expect(() => encodeIcns(new Map([...allPngs, [16, png(32)]]))).toThrow('icp4 is 32×32, not 16×16');
    const wrongLength = Buffer.from(icns);
    wrongLength.writeUInt32BE(icns.length + 1, 4);
    expect(() => decodeIcns(wrongLength)).toThrow('length field');
  });

  it('the committed .ico and .icns are the ones the PNGs make', () => {
    expect(readFileSync(path.join(root, 'build/icon.ico')).equals(encodeIco(ICO_SIZES.map(png)))).toBe(true);
    expect(readFileSync(path.join(root, 'build/icon.icns')).equals(encodeIcns(allPngs))).toBe(true);
  });
});
