// The data directory (--data-dir): checked once at start, before anything is
// written. A directory that cannot be created or written, or that holds files
// this version does not understand, is refused with a StoreError naming the
// path and the problem; nothing in it is overwritten. See docs/storage.md.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Format of the files in a data directory; bumped on any incompatible change. */
export const STORE_FORMAT = 'warren-store';
export const STORE_VERSION = 1;
export const META_FILE = 'meta.json';

export class StoreError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`data directory ${path}: ${problem}`);
    this.name = 'StoreError';
  }
}

/** Writes `data` to `path` so that a crash leaves either the old file or the new one: temp file, fsync, rename, fsync of the directory. */
export function writeFileAtomic(dir: string, name: string, data: string | Buffer): void {
  const path = join(dir, name);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

function problemOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    case 'ENOTDIR': return 'a path component is not a directory';
    case 'EEXIST': return 'exists and is not a directory';
    default: return e.code ?? e.message;
  }
}

/**
 * Creates the directory if needed, proves it writable, and checks (or, in an
 * empty directory, writes) meta.json. Throws StoreError; never overwrites.
 */
export function openDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new StoreError(dir, `cannot create it (${problemOf(err)})`);
  }
  if (!statSync(dir).isDirectory()) throw new StoreError(dir, 'exists and is not a directory');
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (err) {
    throw new StoreError(dir, `not writable (${problemOf(err)})`);
  }
  const metaPath = join(dir, META_FILE);
  let text: string | undefined;
  try {
    text = readFileSync(metaPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError(dir, `cannot read ${META_FILE} (${problemOf(err)})`);
  }
  if (text === undefined) {
    const others = readdirSync(dir);
    if (others.length > 0) {
      throw new StoreError(dir, `holds files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''}) but no ${META_FILE}: not a Warren data directory; refusing to use it`);
    }
    try {
      writeFileAtomic(dir, META_FILE, JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION }) + '\n');
    } catch (err) {
      throw new StoreError(dir, `cannot write ${META_FILE} (${problemOf(err)})`);
    }
    return;
  }
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new StoreError(dir, `${META_FILE} is not valid JSON: files from an incompatible version or another program`);
  }
  const m = meta as { format?: unknown; version?: unknown } | null;
  if (m === null || typeof m !== 'object' || m.format !== STORE_FORMAT) {
    throw new StoreError(dir, `${META_FILE} does not describe a Warren store (format ${JSON.stringify(m?.format)})`);
  }
  if (m.version !== STORE_VERSION) {
    throw new StoreError(dir, `holds store format version ${JSON.stringify(m.version)}; this broker reads version ${STORE_VERSION}`);
  }
}
