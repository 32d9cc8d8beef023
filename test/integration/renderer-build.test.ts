import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRenderer } from '../../electron/web/renderer-build.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the renderer build a console makes when dist/renderer is stale', () => {
  it('is React’s production build even when started from a test runner (NODE_ENV=test)', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    await buildRenderer(root);
    const assets = path.join(root, 'dist', 'renderer', 'assets');
    const entry = (await readdir(assets)).find((name) => /^index-.*\.js$/.test(name));
    expect(entry).toBeDefined();
    const code = await readFile(path.join(assets, entry as string), 'utf8');
    // Only React's development build tells the console to install the DevTools.
    expect(code).not.toContain('React DevTools for a better development experience');
    expect(process.env.NODE_ENV).toBe('test');
  }, 120_000);
});
