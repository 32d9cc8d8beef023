import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AlertRule } from '../../../shared/model/alerts.js';
import type { Logger } from '../logger.js';

const RulesFile = z.object({ profiles: z.record(z.string(), z.array(AlertRule)) });
export type RulesByProfile = Record<string, AlertRule[]>;

/** alerts.json in the data folder: the rules of every profile. Unreadable = none (logged), never a failed start. */
export async function readAlertRules(dataDir: string, log: Logger): Promise<RulesByProfile> {
  try {
    return RulesFile.parse(JSON.parse(await fs.readFile(path.join(dataDir, 'alerts.json'), 'utf8'))).profiles;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.error('alert rules unreadable, starting without', { error: err instanceof Error ? err.message : String(err) });
    return {};
  }
}

export async function writeAlertRules(dataDir: string, profiles: RulesByProfile): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'alerts.json');
  await fs.writeFile(`${file}.tmp`, `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
  await fs.rename(`${file}.tmp`, file);
}
