import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Newest modification time of any file under `dir` (0 when it does not exist). */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/**
 * Why dist/renderer must be (re)built, or null when it is current. The renderer
 * bundles shared/ too, so a change there counts.
 */
export async function rendererBuildReason(root: string): Promise<string | null> {
  let built: number;
  try {
    built = (await stat(path.join(root, 'dist', 'renderer', 'index.html'))).mtimeMs;
  } catch {
    return 'the renderer has not been built yet';
  }
  const sources = Math.max(
    await newestMtime(path.join(root, 'renderer')),
    await newestMtime(path.join(root, 'shared')),
    (await stat(path.join(root, 'vite.config.ts')).catch(() => ({ mtimeMs: 0 }))).mtimeMs,
  );
  return sources > built ? 'the renderer sources changed since the last build' : null;
}

/** `vite build` with the project's vite.config.ts, quietly. */
export async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'error' });
}
