import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A project folder as the checks see it: its files (relative, `/`-separated) and their bytes. */
export interface Tree {
  files(): string[];
  read(file: string): Buffer | null;
}

/** Folders never looked into for the app's own files: dependencies come from the lockfile, packages are the output. */
const SKIPPED = new Set(['node_modules', '.git', 'dist/release']);

export function folderTree(root: string): Tree {
  let listed: string[] | null = null;
  const walk = (dir: string, prefix: string, out: string[]): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(rel)) walk(path.join(dir, entry.name), rel, out);
      } else if (entry.isFile()) out.push(rel);
    }
  };
  return {
    files() {
      if (listed === null) walk(root, '', (listed = []));
      return listed;
    },
    read(file) {
      try {
        return readFileSync(path.join(root, file));
      } catch {
        return null;
      }
    },
  };
}
