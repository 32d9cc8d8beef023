import { describe, expect, it } from 'vitest';
import { importClosure, importSpecifiers, packageDependencies, packageName } from '../../../scripts/dist-check/import-closure.js';

describe('import closure of a compiled module', () => {
  it('finds static, re-export, side-effect and literal dynamic imports', () => {
    const source = [
      "import { a } from './a.js';",
      "import * as b from '../b.js';",
      "export { c } from './c.js';",
      "import './side.js';",
      "const d = await import('./d.js');",
      "import {\n  e,\n  f,\n} from 'zod/v4';",
      "const text = 'import nothing from here';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.js', '../b.js', './c.js', './side.js', './d.js', 'zod/v4']);
  });

  it('names packages from specifiers, scoped or not', () => {
    expect([packageName('zod'), packageName('zod/v4/core'), packageName('@scope/pkg/deep')]).toEqual(['zod', 'zod', '@scope/pkg']);
  });

  it('follows relative imports across folders, collects packages, skips built-ins and reports missing files', () => {
    const files: Record<string, string> = {
      'dist/broker/cli.js': "import { x } from './main.js'; import os from 'node:os'; import fs from 'fs';",
      'dist/broker/main.js': "import { z } from 'zod'; import { r } from '../shared/routing.js'; import { m } from './gone.js';",
      'dist/shared/routing.js': "import { y } from './main.js'; import { e } from 'electron';",
      'dist/shared/main.js': 'export const y = 1;',
    };
    expect(importClosure('dist/broker/cli.js', (f) => files[f] ?? null)).toEqual({
      files: ['dist/broker/cli.js', 'dist/broker/main.js', 'dist/shared/main.js', 'dist/shared/routing.js'],
      packages: ['zod'],
      missing: ['dist/broker/gone.js'],
    });
  });

  it('expands packages with their run-time dependencies from the lockfile', () => {
    const lock = { packages: { 'node_modules/amqplib': { dependencies: { 'url-parse': '^1' } }, 'node_modules/url-parse': { dependencies: { querystringify: '^2' } }, 'node_modules/querystringify': {}, 'node_modules/zod': {} } };
    expect(packageDependencies(['amqplib', 'zod'], lock)).toEqual(['amqplib', 'querystringify', 'url-parse', 'zod']);
    expect(() => packageDependencies(['left-pad'], lock)).toThrow('left-pad is not in package-lock.json');
  });
});
