import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { encodeIcns } from './icons/icns.js';
import { encodeIco } from './icons/ico.js';
import { readPngInfo } from './icons/png-info.js';
import { ICO_SIZES, ICON_SIZES, iconPngPath } from './icons/sizes.js';

/**
 * `npm run icons`: every packaged icon from build/icon.svg. Chromium (the one
 * the e2e suite uses) rasterizes the SVG at each size on a transparent page;
 * the .ico and .icns are assembled from those PNGs. The outputs are committed,
 * so packaging needs no browser.
 */
const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const pngs = new Map<number, Buffer>();
  mkdirSync(path.join(root, 'build', 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    const info = readPngInfo(png);
    if (info.width !== size || info.height !== size) throw new Error(`rendered ${info.width}×${info.height} for ${size}`);
    pngs.set(size, png);
    writeFileSync(path.join(root, iconPngPath(size)), png);
  }
  writeFileSync(path.join(root, 'build', 'icon.png'), pngs.get(1024)!);
  writeFileSync(path.join(root, 'build', 'icon.ico'), encodeIco(ICO_SIZES.map((size) => pngs.get(size)!)));
  writeFileSync(path.join(root, 'build', 'icon.icns'), encodeIcns(pngs));
  console.log(`icons written: ${ICON_SIZES.join(', ')} px, build/icon.ico, build/icon.icns`);
} finally {
  await browser.close();
}
