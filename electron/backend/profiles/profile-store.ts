import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors.js';
import type { Profile, ProfileInputParsed } from '../../../shared/model/profile.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../types.js';
import { writeFileAtomic } from './atomic-file.js';
import { type ProfileRecord, ProfilesFile, effectiveManagementUrl, toProfile } from './profile-record.js';
import { openPassword, sealPassword } from './stored-password.js';
import { splitUriCredentials } from './uri-credentials.js';

/** What a connection needs from a profile, password included. Never leaves the backend. */
export interface ProfileCredentials {
  amqpUri: string;
  managementUrl: string;
  username: string;
  password: string;
  tls: ProfileRecord['tls'];
}

export interface ProfileStore {
  list(): Promise<Profile[]>;
  save(input: ProfileInputParsed): Promise<Profile>;
  duplicate(id: string): Promise<Profile>;
  remove(id: string): Promise<boolean>;
  credentials(id: string): Promise<ProfileCredentials>;
  /** Credentials for unsaved form values; an absent password falls back to the stored one of `input.id`. */
  credentialsFor(input: ProfileInputParsed): Promise<ProfileCredentials>;
  /** Encrypts passwords stored plain (saved in web mode) once a SecretBox is available; returns how many. */
  sealPlainPasswords(): Promise<number>;
  /**
   * Creates or updates a profile Warren manages itself (the embedded broker's):
   * listed like any other, but `builtIn`, so users cannot edit or remove it.
   * Writes the file only when something changed.
   */
  saveBuiltIn(profile: BuiltInProfile): Promise<Profile>;
}

export interface BuiltInProfile {
  id: string;
  name: string;
  amqpUri: string;
  managementUrl: string;
  username: string;
  password: string;
}

export const PROFILES_FILE = 'profiles.json';

/**
 * Profiles in `${dataDir}/profiles.json`. Every change rewrites the whole file
 * atomically; changes are serialized so two quick saves cannot interleave.
 */
export function createProfileStore(options: { dataDir: string; secretBox?: SecretBox; log: Logger; now?: () => Date }): ProfileStore {
  const file = path.join(options.dataDir, PROFILES_FILE);
  const now = options.now ?? (() => new Date());
  const log = options.log;
  let cache: ProfileRecord[] | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<ProfileRecord[]> {
    if (cache) return cache;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return (cache = []);
      throw err;
    }
    const parsed = ProfilesFile.safeParse(safeJson(text));
    if (!parsed.success) {
      // Refuse to overwrite a file we cannot read: the user's profiles would be lost.
      throw new ApiError('internal', `${file} is not a valid Warren profiles file; fix or move it away to start afresh.`);
    }
    return (cache = parsed.data.profiles);
  }

  async function persist(records: ProfileRecord[]): Promise<void> {
    const content: ProfilesFile = { version: 1, profiles: records };
    await writeFileAtomic(file, JSON.stringify(content, null, 2) + '\n');
    cache = records;
  }

  /** Runs read-modify-write changes one at a time. */
  function exclusive<T>(change: () => Promise<T>): Promise<T> {
    const run = queue.then(change, change);
    queue = run.catch(() => undefined);
    return run;
  }

  function find(records: ProfileRecord[], id: string): ProfileRecord {
    const record = records.find((r) => r.id === id);
    if (!record) throw new ApiError('not_found', `No profile with id ${id}`);
    return record;
  }

  function uniqueName(records: ProfileRecord[], base: string): string {
    const taken = new Set(records.map((r) => r.name));
    let candidate = `${base} (copy)`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base} (copy ${n})`;
    return candidate;
  }

  function nameClash(records: ProfileRecord[], name: string, id: string | undefined): void {
    if (records.some((r) => r.name === name && r.id !== id)) {
      throw new ApiError('invalid_args', `A profile named "${name}" already exists`, [
        { path: 'name', message: 'Another profile already has this name' },
      ]);
    }
  }

  function unlock(record: ProfileRecord): ProfileCredentials {
    let password = '';
    if (record.password) {
      const opened = openPassword(record.password, options.secretBox);
      if (!opened.ok) throw new ApiError('invalid_args', opened.reason, [{ path: 'password', message: opened.reason }]);
      password = opened.password;
    }
    return {
      amqpUri: record.amqpUri,
      managementUrl: effectiveManagementUrl(record),
      username: record.username,
      password,
      tls: record.tls,
    };
  }

  return {
    async list() {
      return (await load()).map(toProfile);
    },

    save(input) {
      return exclusive(async () => {
        const records = await load();
        const existing = input.id !== undefined ? find(records, input.id) : null;
        if (existing?.builtIn) throw new ApiError('forbidden', 'The embedded broker profile is managed by Warren and cannot be edited');
        nameClash(records, input.name, input.id);
        const split = splitUriCredentials(input.amqpUri);
        const password = input.password ?? split.password;
        const stamp = now().toISOString();
        const record: ProfileRecord = {
          id: existing?.id ?? randomUUID(),
          name: input.name,
          amqpUri: split.uri,
          managementUrl: input.managementUrl,
          username: split.username ?? input.username,
          password: password !== null ? sealPassword(password, options.secretBox) : (existing?.password ?? null),
          tls: input.tls,
          builtIn: false,
          createdAt: existing?.createdAt ?? stamp,
          updatedAt: stamp,
        };
        const next = existing ? records.map((r) => (r.id === record.id ? record : r)) : [...records, record];
        await persist(next);
        log.info(existing ? 'profile updated' : 'profile added', { id: record.id, storage: record.password?.storage ?? 'none' });
        return toProfile(record);
      });
    },

    duplicate(id) {
      return exclusive(async () => {
        const records = await load();
        const source = find(records, id);
        const stamp = now().toISOString();
        const copy: ProfileRecord = {
          ...source,
          id: randomUUID(),
          name: uniqueName(records, source.name),
          builtIn: false,
          createdAt: stamp,
          updatedAt: stamp,
        };
        await persist([...records, copy]);
        log.info('profile duplicated', { from: id, id: copy.id });
        return toProfile(copy);
      });
    },

    remove(id) {
      return exclusive(async () => {
        const records = await load();
        const record = records.find((r) => r.id === id);
        if (!record) return false;
        if (record.builtIn) throw new ApiError('forbidden', 'The embedded broker profile is managed by Warren and cannot be removed');
        await persist(records.filter((r) => r.id !== id));
        log.info('profile removed', { id });
        return true;
      });
    },

    sealPlainPasswords() {
      return exclusive(async () => {
        const box = options.secretBox;
        const records = await load();
        if (!box || !records.some((r) => r.password?.storage === 'plain')) return 0;
        let sealed = 0;
        const next = records.map((r) => {
          if (r.password?.storage !== 'plain') return r;
          sealed++;
          return { ...r, password: sealPassword(r.password.value, box) };
        });
        await persist(next);
        log.info('plain passwords encrypted', { count: sealed, box: box.kind });
        return sealed;
      });
    },

    saveBuiltIn(profile) {
      return exclusive(async () => {
        const records = await load();
        const existing = records.find((r) => r.id === profile.id) ?? null;
        if (existing && !existing.builtIn) throw new ApiError('internal', `Profile ${profile.id} exists and is not Warren's own`);
        const unchanged =
          existing !== null &&
          existing.name === profile.name &&
          existing.amqpUri === profile.amqpUri &&
          existing.managementUrl === profile.managementUrl &&
          existing.username === profile.username &&
          existing.password !== null &&
          openPassword(existing.password, options.secretBox).ok &&
          unlock(existing).password === profile.password;
        if (existing && unchanged) return toProfile(existing);
        const stamp = now().toISOString();
        const record: ProfileRecord = {
          id: profile.id,
          name: profile.name,
          amqpUri: profile.amqpUri,
          managementUrl: profile.managementUrl,
          username: profile.username,
          password: sealPassword(profile.password, options.secretBox),
          tls: { skipVerify: false },
          builtIn: true,
          createdAt: existing?.createdAt ?? stamp,
          updatedAt: stamp,
        };
        await persist(existing ? records.map((r) => (r.id === record.id ? record : r)) : [...records, record]);
        log.info(existing ? 'built-in profile updated' : 'built-in profile added', { id: record.id, amqpUri: record.amqpUri });
        return toProfile(record);
      });
    },

    async credentials(id) {
      return unlock(find(await load(), id));
    },

    async credentialsFor(input) {
      const split = splitUriCredentials(input.amqpUri);
      let password = input.password ?? split.password;
      if (password === null && input.id !== undefined) password = unlock(find(await load(), input.id)).password;
      return {
        amqpUri: split.uri,
        managementUrl: effectiveManagementUrl({ amqpUri: split.uri, managementUrl: input.managementUrl }),
        username: split.username ?? input.username,
        password: password ?? '',
        tls: input.tls,
      };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
