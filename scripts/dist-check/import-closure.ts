import { builtinModules } from 'node:module';
import path from 'node:path';

const IMPORT = /\b(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

/** The module specifiers a compiled ES module imports (static, side-effect and literal dynamic imports). */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** `zod/v4/core` → `zod`, `@scope/pkg/x` → `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier) || specifier === 'electron';

export interface ImportClosure {
  /** Project files reached, relative to the root with `/`. */
  files: string[];
  /** npm packages reached (by name), not followed further. */
  packages: string[];
  /** Relative imports that name no file. */
  missing: string[];
}

/**
 * Every file an entry module pulls in through relative imports, and the npm
 * packages it needs, starting from `entry` (relative to the root).
 * `read` returns a file's text or null when it does not exist.
 */
export function importClosure(entry: string, read: (file: string) => string | null): ImportClosure {
  const files = new Set<string>();
  const packages = new Set<string>();
  const missing = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    const source = read(file);
    if (source === null) {
      missing.add(file);
      continue;
    }
    files.add(file);
    for (const specifier of importSpecifiers(source)) {
      if (specifier.startsWith('.')) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)));
      else if (!isBuiltin(specifier)) packages.add(packageName(specifier));
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort(), missing: [...missing].sort() };
}

/** A package and everything it depends on at run time, from package-lock.json's `packages`. */
export function packageDependencies(names: readonly string[], lock: { packages: Record<string, { dependencies?: Record<string, string> }> }): string[] {
  const found = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (found.has(name)) continue;
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) throw new Error(`${name} is not in package-lock.json`);
    found.add(name);
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  return [...found].sort();
}
