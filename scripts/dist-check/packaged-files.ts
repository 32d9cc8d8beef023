import path from 'node:path';
import type { BuilderConfig } from './config-checks.js';
import { selectFiles } from './glob.js';
import { importClosure, packageDependencies } from './import-closure.js';
import type { Tree } from './tree.js';

export interface PackageJson {
  main?: string;
  dependencies?: Record<string, string>;
}

export interface Lockfile {
  packages: Record<string, { dependencies?: Record<string, string>; dev?: boolean }>;
}

/** Paths that must never be in the app: sources, tests, tooling, local data and keys. */
const FORBIDDEN: readonly { test: (file: string) => boolean; why: string }[] = [
  { test: (f) => /\.(ts|tsx|cts|mts)$/.test(f) && !/\.d\.[cm]?ts$/.test(f) && !f.startsWith('node_modules/'), why: 'TypeScript source' },
  { test: (f) => f.endsWith('.map') && !f.startsWith('node_modules/'), why: 'source map (it embeds the sources)' },
  { test: (f) => /^(test|scripts|renderer|electron|shared|docs|build|\.ci|test-results)\//.test(f), why: 'not part of the built app' },
  { test: (f) => /(^|\/)(tsconfig[^/]*\.json|vite\.config\.[^/]+|vitest\.config\.[^/]+)$/.test(f), why: 'build tooling' },
  { test: (f) => /(^|\/)\.env(\.|$)|\.(pem|key|p12|pfx)$|(^|\/)(profiles|last-profile)\.json$/.test(f), why: 'secret or local data' },
];

export interface PackagedApp {
  /** Every file of the app (app.asar plus app.asar.unpacked), relative, `/`-separated. */
  files: string[];
  /** The files electron-builder puts in app.asar.unpacked. */
  unpacked: string[];
  problems: string[];
}

/**
 * The app's file list as electron-builder would assemble it, without the
 * Electron binary: the `files` globs over the project, plus the production
 * dependencies from the lockfile (electron-builder adds node_modules itself).
 * Then the checks: the entry points are there, everything they import is
 * there, the embedded broker and what it imports are unpacked (it runs in its
 * own process, outside the archive), and nothing forbidden slipped in.
 * `brokerEntry` is where the launcher looks for the broker, relative to the root.
 */
export function packagedApp(config: BuilderConfig, pkg: PackageJson, lock: Lockfile, tree: Tree, moduleTree: Tree, brokerEntry: string): PackagedApp {
  const problems: string[] = [];
  const own = selectFiles(config.files ?? [], tree.files());
  const production = packageDependencies(Object.keys(pkg.dependencies ?? {}), lock);
  const modules = moduleTree.files().filter((file) => production.some((name) => file.startsWith(`node_modules/${name}/`)));
  const files = [...own, ...modules].sort();
  const present = new Set(files);
  const unpacked = selectFiles(config.asarUnpack ?? [], files);
  const unpackedSet = new Set(unpacked);

  const main = pkg.main ?? 'index.js';
  for (const [file, what] of [
    ['package.json', 'package.json'],
    [main, 'the main process entry (package.json "main")'],
    ['dist/electron/preload/preload.cjs', 'the preload'],
    ['dist/renderer/index.html', 'the renderer'],
    [brokerEntry, 'the embedded broker entry'],
  ] as const) {
    if (!present.has(file)) problems.push(`${what} is not packaged: ${file}`);
  }
  if (!files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f))) problems.push('the renderer has no script in dist/renderer/assets');

  const read = (file: string) => (present.has(file) ? (tree.read(file)?.toString('utf8') ?? null) : null);
  for (const [entry, label] of [
    [main, 'main'],
    [brokerEntry, 'the embedded broker'],
  ] as const) {
    if (!present.has(entry)) continue;
    const closure = importClosure(entry, read);
    for (const missing of closure.missing) problems.push(`${label} imports ${missing}, which is not packaged`);
    for (const name of closure.packages) {
      if (!production.includes(name)) problems.push(`${label} imports ${name}, which is not a production dependency (package.json "dependencies")`);
    }
    if (entry !== brokerEntry) continue;
    // The broker runs as its own process from app.asar.unpacked: what it loads must be there too,
    // and the package.json that says these .js files are ES modules.
    const needed = ['package.json', ...closure.files, ...modules.filter((f) => closure.packages.some((name) => f.startsWith(`node_modules/${name}/`)))];
    const packedOnly = needed.filter((f) => present.has(f) && !unpackedSet.has(f));
    if (packedOnly.length > 0) problems.push(`the embedded broker needs ${packedOnly.length} file(s) outside app.asar that asarUnpack leaves packed, e.g. ${packedOnly.slice(0, 3).join(', ')}`);
  }

  for (const file of files) {
    const rule = FORBIDDEN.find((r) => r.test(file));
    if (rule) problems.push(`${file} is packaged: ${rule.why}`);
  }
  return { files, unpacked, problems };
}

/** Where the broker entry sits relative to the root, given the absolute path the launcher computed. */
export const relativeEntry = (root: string, entry: string): string => path.relative(root, entry).split(path.sep).join('/');
