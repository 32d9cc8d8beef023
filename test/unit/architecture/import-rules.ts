import path from 'node:path';
import { scanImports } from './import-scanner.js';

export interface SourceFile {
  /** Repository-relative, with forward slashes. */
  path: string;
  source: string;
}

type Area = 'renderer' | 'shared' | 'electron/main' | 'electron/preload' | 'electron/backend' | 'electron/broker' | 'electron' | 'other';

function areaOf(file: string): Area {
  for (const area of ['electron/main', 'electron/preload', 'electron/backend', 'electron/broker'] as const) {
    if (file.startsWith(area + '/')) return area;
  }
  if (file.startsWith('electron/')) return 'electron';
  if (file.startsWith('renderer/')) return 'renderer';
  if (file.startsWith('shared/')) return 'shared';
  return 'other';
}

const isElectronPackage = (specifier: string) => specifier === 'electron' || specifier.startsWith('electron/');
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:');

/**
 * The import direction of ARCHITECTURE.md, as checks on each import:
 *   renderer → renderer, shared, packages (no Node built-ins: it runs in a browser)
 *   shared   → shared, packages (no Node built-ins: the renderer uses it)
 *   'electron' only from electron/main and electron/preload
 *   electron/broker → electron/broker, shared
 *   electron/backend ↛ electron/broker (a process boundary; a path reference is fine)
 *   electron/* ↛ renderer
 */
export function importViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = areaOf(file.path);
    const { imports, computed } = scanImports(file.source);
    for (const line of computed) {
      if (from !== 'other') problems.push(`${file.path}:${line}: computed import/require cannot be checked; use a string literal`);
    }
    for (const { specifier, line } of imports) {
      const where = `${file.path}:${line}: imports '${specifier}'`;
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative) {
        if (isElectronPackage(specifier) && from !== 'electron/main' && from !== 'electron/preload') {
          problems.push(`${where}: only electron/main and electron/preload may import electron`);
        }
        if (isNodeBuiltin(specifier) && (from === 'renderer' || from === 'shared')) {
          problems.push(`${where}: ${from}/ runs in the browser too, without Node`);
        }
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
      const to = areaOf(target);
      if (from === 'renderer' && to !== 'renderer' && to !== 'shared') problems.push(`${where}: renderer/ may import only renderer/ and shared/`);
      if (from === 'shared' && to !== 'shared') problems.push(`${where}: shared/ imports nothing of ours outside shared/`);
      if (from === 'electron/broker' && to !== 'electron/broker' && to !== 'shared') {
        problems.push(`${where}: electron/broker may import only its own files and shared/`);
      }
      if (from === 'electron/backend' && to === 'electron/broker') {
        problems.push(`${where}: the backend reaches the broker through a process boundary, not an import`);
      }
      if (from.startsWith('electron') && to === 'renderer') problems.push(`${where}: electron/ never imports the renderer`);
    }
  }
  return problems;
}
