import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryLogger } from '../../../../electron/backend/logger.js';
import { createProfileListFile } from '../../../../electron/backend/workbench/publish/profile-list-file.js';
import { tempDataDir } from '../../backend/backend-fixture.js';

describe('profile list file', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  beforeEach(async () => {
    data = await tempDataDir();
  });
  afterEach(async () => {
    await data.cleanup();
  });
  const open = (log = memoryLogger()) => createProfileListFile({ dir: data.dir, kind: 'things', item: z.number(), log });

  it('applies concurrent updates one after another, none lost, and writes owner-only', async () => {
    const list = open();
    await Promise.all(Array.from({ length: 20 }, (_, i) => list.update('p1', (items) => [...items, i])));
    expect(await list.read('p1')).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const file = path.join(data.dir, 'p1.things.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ items: Array.from({ length: 20 }, (_, i) => i) });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await open().read('p1')).toHaveLength(20);
  });

  it('keeps profiles apart, even ids that are not safe file names', async () => {
    const list = open();
    await list.update('../evil', () => [1]);
    await list.update('p2', () => [2]);
    expect(await open().read('../evil')).toEqual([1]);
    expect(await open().read('p2')).toEqual([2]);
    expect(await readFile(path.join(data.dir, '___evil.things.json'), 'utf8')).toContain('[1]');
  });

  it('a failed change leaves the list as it was, and later changes still apply', async () => {
    const list = open();
    await list.update('p', () => [1]);
    await expect(list.update('p', () => {
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await list.update('p', (items) => [...items, 2])).toEqual([1, 2]);
  });

  it('a file that does not match its schema is logged, set aside, and read as empty', async () => {
    await mkdir(data.dir, { recursive: true });
    await writeFile(path.join(data.dir, 'p.things.json'), JSON.stringify({ items: ['not a number'] }));
    const log = memoryLogger();
    expect(await open(log).read('p')).toEqual([]);
    expect(log.lines.some((l) => l.includes('workbench things unreadable'))).toBe(true);
    expect(JSON.parse(await readFile(path.join(data.dir, 'p.things.json.damaged'), 'utf8'))).toEqual({ items: ['not a number'] });
  });
});
