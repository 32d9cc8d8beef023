import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HistorySettings } from '../../../shared/model/history.js';
import type { Logger } from '../logger.js';

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { retentionHours: 24 };

/** history/settings.json in the data folder; missing or unreadable = the defaults (logged), never a failed start. */
export async function readHistorySettings(dir: string, log: Logger): Promise<HistorySettings> {
  try {
    return HistorySettings.parse(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('history settings unreadable, using the defaults', { error: err instanceof Error ? err.message : String(err) });
    return { ...DEFAULT_HISTORY_SETTINGS };
  }
}

export async function writeHistorySettings(dir: string, settings: HistorySettings): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'settings.json');
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}
