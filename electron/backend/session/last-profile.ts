import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import { writeFileAtomic } from '../profiles/atomic-file.js';
import type { ProfileStore } from '../profiles/profile-store.js';

export const LAST_PROFILE_FILE = 'last-profile.json';

const LastProfileFile = z.object({ version: z.literal(1), profileId: z.string().min(1).nullable() });

export interface LastProfile {
  /** The profile to go back to at start: the one last chosen, if it still exists and is not the built-in one (that has its own default). */
  resumable(store: ProfileStore): Promise<string | null>;
  /** Records the user's choice (null after a disconnect). Never throws: a lost choice only means the default next time. */
  remember(profileId: string | null): Promise<void>;
}

/**
 * The profile the user last connected to, in `${dataDir}/last-profile.json`,
 * so a restarted backend reconnects to it instead of leaving the user on the
 * embedded broker. A missing or damaged file means no choice.
 */
export function createLastProfile(dataDir: string, log: Logger): LastProfile {
  const file = path.join(dataDir, LAST_PROFILE_FILE);

  async function load(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('last profile unreadable', { file, error: (err as Error).message });
      return null;
    }
    try {
      return LastProfileFile.parse(JSON.parse(text)).profileId;
    } catch {
      log.warn('last profile file invalid; ignoring it', { file });
      return null;
    }
  }

  return {
    async resumable(store) {
      const id = await load();
      if (id === null) return null;
      const profile = (await store.list().catch(() => [])).find((p) => p.id === id);
      return profile && !profile.builtIn ? profile.id : null;
    },
    async remember(profileId) {
      await writeFileAtomic(file, JSON.stringify({ version: 1, profileId }) + '\n').catch((err: unknown) =>
        log.warn('cannot remember the last profile', { file, error: err instanceof Error ? err.message : String(err) }),
      );
    },
  };
}
