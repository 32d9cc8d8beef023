import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { writeFileAtomic } from '../../profiles/atomic-file.js';

/** A list kept per profile in a JSON file of its own, cached once read, written whole and atomically (owner-only). */
export interface ProfileListFile<T> {
  read(profileId: string): Promise<T[]>;
  /** Applies `change` to the current list and saves the result; changes to one profile are saved one after another. */
  update(profileId: string, change: (list: T[]) => T[]): Promise<T[]>;
}

const fileName = (profileId: string, kind: string) => `${profileId.replace(/[^A-Za-z0-9_-]/g, '_')}.${kind}.json`;

export function createProfileListFile<T>(options: { dir: string; kind: string; item: z.ZodType<T>; log: Logger }): ProfileListFile<T> {
  const { dir, kind, log } = options;
  const schema = z.object({ items: z.array(options.item) });
  const cache = new Map<string, Promise<T[]>>();
  const writes = new Map<string, Promise<unknown>>();

  const load = async (profileId: string): Promise<T[]> => {
    const file = path.join(dir, fileName(profileId, kind));
    try {
      return schema.parse(JSON.parse(await fs.readFile(file, 'utf8'))).items;
    } catch (err) {
      // A damaged file is set aside, not overwritten by the next save: the user may want it back.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        log.error(`workbench ${kind} unreadable, starting empty`, { profileId, file, error: err instanceof Error ? err.message : String(err) });
        await fs.rename(file, `${file}.damaged`).catch(() => undefined);
      }
      return [];
    }
  };

  const read = (profileId: string): Promise<T[]> => {
    let list = cache.get(profileId);
    if (!list) {
      list = load(profileId);
      cache.set(profileId, list);
    }
    return list;
  };

  return {
    read,
    update(profileId, change) {
      const previous = writes.get(profileId) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          const updated = change(await read(profileId));
          await writeFileAtomic(path.join(dir, fileName(profileId, kind)), `${JSON.stringify({ items: updated })}\n`);
          cache.set(profileId, Promise.resolve(updated));
          return updated;
        });
      writes.set(profileId, next);
      return next;
    },
  };
}
