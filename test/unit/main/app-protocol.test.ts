import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, appFileFor, appProtocolHandler } from '../../../electron/main/app-protocol.js';

describe('the renderer\'s own scheme (warren-app://app/)', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'warren-app-protocol-'));
    root = path.join(base, 'renderer');
    outside = path.join(base, 'profiles.json');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Warren</title>');
    await writeFile(path.join(root, 'assets', 'index-1.js'), 'console.log(1)');
    await writeFile(outside, '{"password":"x"}');
  });
  afterAll(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it('maps URLs to files under the renderer folder, and nothing outside it', () => {
    expect(appFileFor(APP_INDEX_URL, root)).toBe(path.join(root, 'index.html'));
    expect(appFileFor(`${APP_INDEX_URL}#/queues`, root)).toBe(path.join(root, 'index.html'));
    expect(appFileFor('warren-app://app/', root)).toBe(path.join(root, 'index.html'));
    expect(appFileFor('warren-app://app/assets/index-1.js?v=1', root)).toBe(path.join(root, 'assets', 'index-1.js'));
    // Dot segments, plain or encoded, stop at the renderer folder: the file looked for is renderer/profiles.json, which does not exist.
    for (const url of ['warren-app://app/../profiles.json', 'warren-app://app/%2e%2e/profiles.json', 'warren-app://app/assets/..%2F..%2F..%2Fprofiles.json']) {
      expect(appFileFor(url, root), url).toBe(path.join(root, 'profiles.json'));
    }
    for (const url of [
      'warren-app://app/..%5Cprofiles.json',
      'warren-app://app/index.html%00.js',
      'warren-app://app/%E0%A4%A',
      'warren-app://other/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(appFileFor(url, root), url).toBeNull();
    }
  });

  it('serves each file with its type, the CSP and nosniff; 404 for the rest, 405 for other methods', async () => {
    const handle = appProtocolHandler(root, "default-src 'self'", (file) => readFile(file));
    const page = await handle({ url: APP_INDEX_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Warren</title>');
    const script = await handle({ url: 'warren-app://app/assets/index-1.js', method: 'GET' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle({ url: 'warren-app://app/assets/index-1.js', method: 'HEAD' })).status).toBe(200);
    expect((await handle({ url: 'warren-app://app/missing.js', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: 'warren-app://app/../profiles.json', method: 'GET' })).status).toBe(404);
    expect((await handle({ url: APP_INDEX_URL, method: 'POST' })).status).toBe(405);
  });
});
