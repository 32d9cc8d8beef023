import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { available: true; path: string } | { available: false; reason: string };

/**
 * Where the Electron executable is, without running the `electron` package's
 * index.js: on a machine where the binary was never fetched, that file tries
 * to download it (slowly failing offline) before throwing. This reads the
 * same path.txt it would.
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && path.join(packageDir, 'dist', relative);
  if (!executable || !existsSync(executable)) return { available: false, reason: 'binary not downloaded' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  }
  return { available: true, path: executable };
}
