import { describe, expect, it } from 'vitest';
import type { BuilderConfig } from '../../../scripts/dist-check/config-checks.js';
import { packagedApp } from '../../../scripts/dist-check/packaged-files.js';
import { memoryTree } from './memory-tree.js';

const config: BuilderConfig = {
  files: ['package.json', 'dist/electron/**/*.js', 'dist/electron/preload/preload.cjs', 'dist/shared/**/*.js', 'dist/renderer/**/*', '!**/*.map'],
  asarUnpack: ['package.json', 'dist/electron/broker/**/*', 'dist/shared/**/*', 'node_modules/zod/**/*'],
};
const pkg = { main: 'dist/electron/main/main.js', dependencies: { zod: '4', amqplib: '2' } };
const lock = { packages: { 'node_modules/zod': {}, 'node_modules/amqplib': { dependencies: { 'url-parse': '1' } }, 'node_modules/url-parse': {}, 'node_modules/vitest': { dev: true } } };
const BROKER = 'dist/electron/broker/cli-main.js';

const project = (extra: Record<string, string> = {}) =>
  memoryTree({
    'package.json': '{}',
    'dist/electron/main/main.js': "import './window.js'; import 'amqplib';",
    'dist/electron/main/main.js.map': '{}',
    'dist/electron/main/window.js': '',
    'dist/electron/preload/preload.cjs': '',
    'dist/electron/broker/cli-main.js': "import { r } from '../../shared/routing.js';",
    'dist/shared/routing.js': "import { z } from 'zod';",
    'dist/renderer/index.html': '',
    'dist/renderer/assets/index-1.js': '',
    'electron/main/main.ts': '',
    'test/unit/x.test.ts': '',
    'tsconfig.json': '{}',
    ...extra,
  });
const modules = memoryTree({
  'node_modules/zod/index.js': '',
  'node_modules/amqplib/index.js': '',
  'node_modules/url-parse/index.js': '',
  'node_modules/vitest/index.js': '',
});

describe('packaged file list', () => {
  it('is the built app and its production dependencies, with the broker and what it loads unpacked', () => {
    const app = packagedApp(config, pkg, lock, project(), modules, BROKER);
    expect(app.problems).toEqual([]);
    expect(app.files).toEqual([
      'dist/electron/broker/cli-main.js',
      'dist/electron/main/main.js',
      'dist/electron/main/window.js',
      'dist/electron/preload/preload.cjs',
      'dist/renderer/assets/index-1.js',
      'dist/renderer/index.html',
      'dist/shared/routing.js',
      'node_modules/amqplib/index.js',
      'node_modules/url-parse/index.js',
      'node_modules/zod/index.js',
      'package.json',
    ]);
    expect(app.unpacked).toEqual(['dist/electron/broker/cli-main.js', 'dist/shared/routing.js', 'node_modules/zod/index.js', 'package.json']);
  });

  it('says which entry point is missing', () => {
    const app = packagedApp({ ...config, files: ['package.json', 'dist/renderer/**/*'] }, pkg, lock, project(), modules, BROKER);
    expect(app.problems).toEqual([
      'the main process entry (package.json "main") is not packaged: dist/electron/main/main.js',
      'the preload is not packaged: dist/electron/preload/preload.cjs',
      'the embedded broker entry is not packaged: dist/electron/broker/cli-main.js',
    ]);
  });

  it('finds an import that is not packaged, and a package the app needs but only has as a devDependency', () => {
    const app = packagedApp(config, pkg, lock, project({ 'dist/electron/main/window.js': "import './gone.js'; import 'vitest';" }), modules, BROKER);
    expect(app.problems).toEqual(['main imports dist/electron/main/gone.js, which is not packaged', 'main imports vitest, which is not a production dependency (package.json "dependencies")']);
  });

  it('refuses a broker that would run from inside app.asar', () => {
    const app = packagedApp({ ...config, asarUnpack: ['dist/electron/broker/**/*'] }, pkg, lock, project(), modules, BROKER);
    expect(app.problems).toEqual(['the embedded broker needs 3 file(s) outside app.asar that asarUnpack leaves packed, e.g. package.json, dist/shared/routing.js, node_modules/zod/index.js']);
  });

  it('refuses sources, source maps, tests, tooling and secrets that a too-wide glob lets in', () => {
    const app = packagedApp({ ...config, files: ['**/*'] }, pkg, lock, project({ '.env': 'X=1', 'certs/client.key': '', 'data/profiles.json': '{}' }), modules, BROKER);
    expect(app.problems).toEqual(
      expect.arrayContaining([
        'dist/electron/main/main.js.map is packaged: source map (it embeds the sources)',
        'electron/main/main.ts is packaged: TypeScript source',
        'test/unit/x.test.ts is packaged: TypeScript source',
        'tsconfig.json is packaged: build tooling',
        '.env is packaged: secret or local data',
        'certs/client.key is packaged: secret or local data',
        'data/profiles.json is packaged: secret or local data',
      ]),
    );
  });
});
