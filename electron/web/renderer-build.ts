import path from 'node:path';
import { staleReason } from './freshness.js';

/** Why dist/renderer must be (re)built, or null. The renderer bundles shared/ too, so a change there counts. */
export function rendererBuildReason(root: string): Promise<string | null> {
  const sources = ['renderer', 'shared', 'vite.config.ts'].map((p) => path.join(root, p));
  return staleReason([path.join(root, 'dist', 'renderer', 'index.html')], sources, 'the renderer');
}

/** `vite build` with the project's vite.config.ts, quietly. */
export async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'error' });
}
