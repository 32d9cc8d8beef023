import path from 'node:path';

/**
 * The renderer is served from a scheme of our own, not file://: a file://
 * page may read any other file:// URL, and Chromium ignores response headers
 * for file://, so no Content-Security-Policy header would apply. Here every
 * response carries the CSP, and only files under the renderer's folder exist.
 */
export const APP_SCHEME = 'warren-app';
export const APP_INDEX_URL = `${APP_SCHEME}://app/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file a `warren-app://app/…` URL names under `root`, or null for another host, a traversal or a malformed path. */
export function appFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.includes('\\')) return null;
  const file = path.join(root, path.posix.normalize(relative === '/' ? '/index.html' : relative));
  const inside = path.relative(root, file);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? file : null;
}

/** protocol.handle's handler: GET and HEAD of the renderer's files, each with the CSP, nosniff and no caching surprises. */
export function appProtocolHandler(root: string, csp: string, readFile: (file: string) => Promise<Buffer>) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const file = appFileFor(request.url, root);
    if (file === null) return new Response(null, { status: 404 });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response(null, { status: 404 });
    }
    const headers = {
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
