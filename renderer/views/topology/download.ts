/** Saves a blob under a file name: the desktop app and the browser both honour the download attribute. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name safe on every OS from a vhost name ("/" → "default"). */
export function fileSafe(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^_+|_+$/g, '');
  return safe === '' ? 'default' : safe;
}

/** Limits of a canvas Chromium will allocate; larger exports are scaled down to fit. */
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/** Renders an SVG document to PNG through a canvas, at twice the size where that fits. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  const image = new Image();
  // A data: URL, which the page's img-src allows; a blob: URL would need the policy widened.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas available for the PNG export');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG export failed'))), 'image/png'));
}
