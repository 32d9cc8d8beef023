import path from 'node:path';
import { staleReason } from './freshness.js';

/** Why dist/renderer must be (re)built, or null. The renderer bundles shared/ too, so a change there counts. */
export function rendererBuildReason(root: string): Promise<string | null> {
  const sources = ['renderer', 'shared', 'vite.config.ts'].map((p) => path.join(root, p));
  return staleReason([path.join(root, 'dist', 'renderer', 'index.html')], sources, 'the renderer');
}

/**
 * `vite build` with the project's vite.config.ts, quietly, always for production: Vite follows
 * NODE_ENV, and a console started from a test runner (NODE_ENV=test) would otherwise leave React's
 * development build in dist/renderer, several times slower, for the next real start to serve.
 */
export async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
