import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron's app.getPath('userData') gives a product named Warren,
 * so the desktop app and web mode share profiles on the same machine.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Warren');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Warren');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Warren');
}

/** Creates the folder readable by its owner only: it holds credentials. */
export async function prepareDataDir(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  await mkdir(absolute, { recursive: true, mode: 0o700 });
  return absolute;
}
