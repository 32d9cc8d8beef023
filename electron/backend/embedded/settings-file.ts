import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedSettings } from '../../../shared/model/embedded.js';
import type { Logger } from '../logger.js';
import { writeFileAtomic } from '../profiles/atomic-file.js';

export const SETTINGS_FILE = 'embedded-broker.json';

const SettingsFile = z.object({ version: z.literal(1), settings: EmbeddedSettings });

/**
 * The embedded broker's settings in `${dataDir}/embedded-broker.json`. A
 * missing file means the defaults; a damaged one too, said in the log, and it
 * is replaced at the next change.
 */
export function createSettingsFile(dataDir: string, log: Logger) {
  const file = path.join(dataDir, SETTINGS_FILE);
  return {
    file,
    async load(): Promise<EmbeddedSettings> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('embedded broker settings unreadable; using the defaults', { file, error: (err as Error).message });
        return EmbeddedSettings.parse({});
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Reported below with the schema's verdict.
      }
      const parsed = SettingsFile.safeParse(json);
      if (parsed.success) return parsed.data.settings;
      log.warn('embedded broker settings invalid; using the defaults', { file, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return EmbeddedSettings.parse({});
    },
    async save(settings: EmbeddedSettings): Promise<void> {
      await writeFileAtomic(file, JSON.stringify({ version: 1, settings }, null, 2) + '\n');
    },
  };
}
export type SettingsFile = ReturnType<typeof createSettingsFile>;
