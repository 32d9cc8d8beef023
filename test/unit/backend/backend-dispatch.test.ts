import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.js';
import { createBackend } from '../../../electron/backend/backend.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import type { Backend } from '../../../electron/backend/types.js';
import { tempDataDir } from './backend-fixture.js';

describe('backend dispatch', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let backend: Backend;
  let log: ReturnType<typeof memoryLogger>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDataDir());
    log = memoryLogger();
    backend = await createBackend({ dataDir: dir, transport: 'web', version: '9.9.9', log });
  });
  afterEach(async () => {
    await backend.close();
    await cleanup();
  });

  it('answers app.info', async () => {
    expect(await backend.dispatch('app.info', {})).toMatchObject({ name: 'Warren', version: '9.9.9', transport: 'web', dataDir: dir });
  });

  it('rejects an invalid profile with every issue and its path, saving nothing', async () => {
    const error = await backend
      .dispatch('profiles.save', { name: '', amqpUri: 'http://x', managementUrl: 'ftp://y', password: 'hunter2' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_args');
    expect((error as ApiError).issues?.map((i) => i.path).sort()).toEqual(['amqpUri', 'managementUrl', 'name']);
    expect(await backend.dispatch('profiles.list', {})).toEqual([]);
    expect(log.lines.join('\n')).not.toContain('hunter2');
  });

  it('rejects unknown fields and unknown methods', async () => {
    await expect(backend.dispatch('app.info', { extra: 1 })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(backend.dispatch('app.nope', {})).rejects.toMatchObject({ code: 'unknown_method' });
  });

  it('saves, lists, duplicates and removes profiles without ever returning the password', async () => {
    const saved = (await backend.dispatch('profiles.save', {
      name: 'Local',
      amqpUri: 'amqp://127.0.0.1',
      password: 'hunter2',
    })) as { id: string };
    const copy = (await backend.dispatch('profiles.duplicate', { id: saved.id })) as { id: string; name: string };
    expect(copy.name).toBe('Local (copy)');
    const listed = await backend.dispatch('profiles.list', {});
    expect(JSON.stringify(listed)).not.toContain('hunter2');
    expect(await backend.dispatch('profiles.remove', { id: copy.id })).toEqual({ removed: true });
    expect(await backend.dispatch('profiles.list', {})).toHaveLength(1);
  });

  it('starts with a damaged profiles file, says what is wrong, and never overwrites it', async () => {
    await backend.close();
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'profiles.json');
    await writeFile(file, '{ not json');
    backend = await createBackend({ dataDir: dir, transport: 'web', version: '9.9.9', log });
    await expect(backend.dispatch('profiles.list', {})).rejects.toMatchObject({ message: expect.stringContaining('not a valid Warren profiles file') });
    await expect(backend.dispatch('profiles.save', { name: 'x', amqpUri: 'amqp://h' })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('{ not json');
    expect(log.lines.some((l) => l.includes('profiles unreadable'))).toBe(true);
  });

  it('answers session.state and inventory.snapshot before any connection', async () => {
    expect(await backend.dispatch('session.state', {})).toMatchObject({ status: 'idle', profileId: null, samplerIntervalMs: 2000, samplerPaused: false });
    expect(await backend.dispatch('inventory.snapshot', {})).toMatchObject({ seq: 0, inventory: { queues: [] } });
    expect(await backend.dispatch('sampler.configure', { intervalMs: 5000, hidden: true })).toMatchObject({ samplerIntervalMs: 5000, samplerPaused: true });
    await expect(backend.dispatch('sampler.configure', { intervalMs: 10 })).rejects.toMatchObject({ code: 'invalid_args', issues: [{ path: 'intervalMs' }] });
    await expect(backend.dispatch('session.connect', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
