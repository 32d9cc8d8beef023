import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Newest modification time of a file, or of any file under a folder (0 when absent). */
async function newestMtime(target: string): Promise<number> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Why `outputs` must be rebuilt from `sources` (files or folders), or null when they are current. */
export async function staleReason(outputs: readonly string[], sources: readonly string[], what: string): Promise<string | null> {
  let built = Infinity;
  for (const output of outputs) {
    const mtime = await newestMtime(output);
    if (mtime === 0) return `${what} has not been built yet`;
    built = Math.min(built, mtime);
  }
  let newest = 0;
  for (const source of sources) newest = Math.max(newest, await newestMtime(source));
  return newest > built ? `${what} sources changed since the last build` : null;
}
