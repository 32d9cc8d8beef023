import type { Tree } from '../../../scripts/dist-check/tree.js';

/** A project folder in memory, for the packaging checks. */
export function memoryTree(files: Record<string, string | Buffer>): Tree {
  return {
    files: () => Object.keys(files),
    read: (file) => {
      const data = files[file];
      return data === undefined ? null : Buffer.from(data);
    },
  };
}
