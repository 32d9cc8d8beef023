import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { staleReason } from '../web/freshness.js';

/** Why the Electron main and preload in dist/electron must be (re)built, or null. */
export function desktopBuildReason(root: string): Promise<string | null> {
  const outputs = ['dist/electron/main/main.js', 'dist/electron/preload/preload.cjs'].map((p) => path.join(root, p));
  const sources = ['electron', 'shared', 'tsconfig.electron.json', 'tsconfig.base.json'].map((p) => path.join(root, p));
  return staleReason(outputs, sources, 'the desktop app');
}

/** What `npm run build` does for Electron: tsc for main and the backend, one bundled CommonJS file for the preload. */
export async function buildDesktop(root: string): Promise<void> {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = spawnSync(process.execPath, [path.join(typescript, 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.electron.json')], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc -p tsconfig.electron.json failed');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'electron', 'preload', 'vite.config.ts'), logLevel: 'error' });
}
