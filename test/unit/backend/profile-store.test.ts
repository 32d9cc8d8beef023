import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.js';
import { ProfileInput } from '../../../shared/model/profile.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { PROFILES_FILE, createProfileStore } from '../../../electron/backend/profiles/profile-store.js';
import { reversingBox, tempDataDir } from './backend-fixture.js';

const SECRET = 's3cr3t-Pa55';
const input = (fields: Record<string, unknown>) => ProfileInput.parse({ name: 'Local', amqpUri: 'amqp://127.0.0.1:5672', ...fields });

describe('profile store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(() => cleanup());

  const fileText = () => readFile(path.join(dir, PROFILES_FILE), 'utf8');

  it('writes profiles.json with mode 0600 in a 0700 directory', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await store.save(input({ password: SECRET }));
    expect((await stat(path.join(dir, PROFILES_FILE))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('stores the password plain (marked so) without a SecretBox, and never returns it', async () => {
    const log = memoryLogger();
    const store = createProfileStore({ dataDir: dir, log });
    const saved = await store.save(input({ password: SECRET }));
    expect(saved.hasPassword).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(JSON.stringify(await store.list())).not.toContain(SECRET);
    expect(JSON.parse(await fileText()).profiles[0].password).toEqual({ storage: 'plain', value: SECRET });
    expect(log.lines.join('\n')).not.toContain(SECRET);
    expect((await store.credentials(saved.id)).password).toBe(SECRET);
  });

  it('encrypts the password with the SecretBox when one is given', async () => {
    const store = createProfileStore({ dataDir: dir, secretBox: reversingBox, log: memoryLogger() });
    const saved = await store.save(input({ password: SECRET }));
    const text = await fileText();
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).profiles[0].password).toMatchObject({ storage: 'encrypted', box: 'test-reverse' });
    expect((await store.credentials(saved.id)).password).toBe(SECRET);
  });

  it('says to re-enter a password encrypted by the desktop app when read without its SecretBox', async () => {
    const saved = await createProfileStore({ dataDir: dir, secretBox: reversingBox, log: memoryLogger() }).save(input({ password: SECRET }));
    const webStore = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await expect(webStore.credentials(saved.id)).rejects.toThrow(/enter it again/);
  });

  it('keeps the stored password when an edit leaves it absent, replaces it when given', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    const saved = await store.save(input({ password: SECRET }));
    const edited = await store.save(input({ id: saved.id, name: 'Renamed' }));
    expect(edited.name).toBe('Renamed');
    expect(edited.createdAt).toBe(saved.createdAt);
    expect((await store.credentials(saved.id)).password).toBe(SECRET);
    await store.save(input({ id: saved.id, name: 'Renamed', password: 'other' }));
    expect((await store.credentials(saved.id)).password).toBe('other');
    expect(await store.list()).toHaveLength(1);
  });

  it('moves credentials out of the AMQP URI into username and password', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    const saved = await store.save(input({ amqpUri: `amqp://admin:${SECRET}@broker.example:5672/shop` }));
    expect(saved.amqpUri).toBe('amqp://broker.example:5672/shop');
    expect(saved.username).toBe('admin');
    expect(saved.effectiveManagementUrl).toBe('http://broker.example:15672');
    expect(await fileText()).not.toContain(`@broker`);
    expect((await store.credentials(saved.id)).password).toBe(SECRET);
  });

  it('duplicates as "name (copy)", then "name (copy 2)", with the same credentials', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    const saved = await store.save(input({ password: SECRET }));
    const first = await store.duplicate(saved.id);
    const second = await store.duplicate(saved.id);
    expect([first.name, second.name]).toEqual(['Local (copy)', 'Local (copy 2)']);
    expect(first.id).not.toBe(saved.id);
    expect((await store.credentials(first.id)).password).toBe(SECRET);
  });

  it('removes a profile and reports whether it existed', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    const saved = await store.save(input({}));
    expect(await store.remove(saved.id)).toBe(true);
    expect(await store.remove(saved.id)).toBe(false);
    expect(await createProfileStore({ dataDir: dir, log: memoryLogger() }).list()).toEqual([]);
  });

  it('rejects a duplicate name with an inline issue and saves nothing', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await store.save(input({}));
    const before = await fileText();
    const error = await store.save(input({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_args');
    expect((error as ApiError).issues).toEqual([{ path: 'name', message: expect.any(String) }]);
    expect(await fileText()).toBe(before);
  });

  it('answers not_found for an unknown id', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await expect(store.duplicate('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.save(input({ id: 'nope' }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('serializes concurrent saves so none is lost', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.save(input({ name: `P${i}` }))));
    const fresh = createProfileStore({ dataDir: dir, log: memoryLogger() });
    expect((await fresh.list()).map((p) => p.name).sort()).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
  });

  it('encrypts passwords saved in web mode once a SecretBox is available, and they still open', async () => {
    const saved = await createProfileStore({ dataDir: dir, log: memoryLogger() }).save(input({ password: SECRET }));
    const desktop = createProfileStore({ dataDir: dir, secretBox: reversingBox, log: memoryLogger() });
    expect(await desktop.sealPlainPasswords()).toBe(1);
    expect(await fileText()).not.toContain(SECRET);
    expect((await desktop.credentials(saved.id)).password).toBe(SECRET);
    expect(await desktop.sealPlainPasswords()).toBe(0);
  });

  it('leaves plain passwords alone without a SecretBox', async () => {
    const store = createProfileStore({ dataDir: dir, log: memoryLogger() });
    await store.save(input({ password: SECRET }));
    expect(await store.sealPlainPasswords()).toBe(0);
    expect(await fileText()).toContain(SECRET);
  });
});
