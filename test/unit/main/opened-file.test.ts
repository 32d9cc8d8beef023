import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOpenedFile } from '../../../electron/main/opened-file.js';

describe('a definitions file opened with Warren', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'warren-opened-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is read with its name', async () => {
    const file = path.join(dir, 'defs.json');
    await writeFile(file, '{"queues": [{"name": "café"}]}');
    expect(await readOpenedFile(file)).toEqual({ name: 'defs.json', text: '{"queues": [{"name": "café"}]}' });
  });

  it('is refused, saying why, when missing, a folder, too large or not UTF-8', async () => {
    await expect(readOpenedFile(path.join(dir, 'nope.json'))).rejects.toThrow('nope.json does not exist');
    await mkdir(path.join(dir, 'folder.json'));
    await expect(readOpenedFile(path.join(dir, 'folder.json'))).rejects.toThrow('folder.json is not a file');
    await writeFile(path.join(dir, 'big.json'), Buffer.alloc(2 * 1024 * 1024, 0x20));
    await expect(readOpenedFile(path.join(dir, 'big.json'), 1024 * 1024)).rejects.toThrow('big.json is 2.0 MiB, more than the 1 MiB a definitions file can be');
    await writeFile(path.join(dir, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
    await expect(readOpenedFile(path.join(dir, 'latin1.json'))).rejects.toThrow('latin1.json is not UTF-8 text');
  });
});
