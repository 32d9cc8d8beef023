import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brokerProgram } from '../electron/backend/embedded/launcher.js';
import { type BuilderConfig, checkConfig } from './dist-check/config-checks.js';
import { schemaProblems } from './dist-check/builder-schema.js';
import { packagedApp, relativeEntry } from './dist-check/packaged-files.js';
import { folderTree } from './dist-check/tree.js';

/**
 * `npm run dist:check`: what `npm run dist` would package, checked without
 * the Electron binary. Builds first (`--no-build` skips it), then validates
 * build/electron-builder.json with electron-builder's schema and Warren's own
 * rules, and computes the packaged file list. Exit 1 with every problem listed.
 */
const root = path.resolve(import.meta.dirname, '..');
const configFile = 'build/electron-builder.json';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('dist:check: npm run build failed, nothing to check');
    process.exit(1);
  }
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const config = readJson(configFile) as BuilderConfig;
const tree = folderTree(root);
const moduleTree = folderTree(path.join(root, 'node_modules'));
const nodeModules = { files: () => moduleTree.files().map((f) => `node_modules/${f}`), read: tree.read };
// Where the built launcher looks for the broker: the same function the app runs.
const broker = brokerProgram(pathToFileURL(path.join(root, 'dist/electron/backend/embedded/launcher.js')).href);

const app = packagedApp(config, readJson('package.json') as object, readJson('package-lock.json') as never, tree, nodeModules, relativeEntry(root, broker.entry));
const problems = [...(await schemaProblems(config)), ...checkConfig(config, tree), ...app.problems];

if (problems.length > 0) {
  console.error(`dist:check: ${problems.length} problem(s) in ${configFile} or the packaged files:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
const bytes = app.files.reduce((sum, file) => sum + (tree.read(file)?.length ?? 0), 0);
console.log(
  `dist:check: ${configFile} is valid; ${app.files.length} files would be packaged (${(bytes / 1024 / 1024).toFixed(1)} MiB), ` +
    `${app.unpacked.length} of them unpacked for the embedded broker; no sources, tests or secrets among them`,
);
