import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanImports } from './import-scanner.js';
import { type SourceFile, importViolations } from './import-rules.js';

const root = path.resolve(import.meta.dirname, '../../..');

async function sourcesUnder(folder: string): Promise<SourceFile[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && /\.(ts|tsx|mts|cts)$/.test(e.name) && !e.parentPath.includes('node_modules'));
  return Promise.all(
    files.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      return { path: path.relative(root, full).split(path.sep).join('/'), source: await readFile(full, 'utf8') };
    }),
  );
}

describe('import direction', () => {
  it('holds for every source file in renderer/, shared/ and electron/', async () => {
    const files = (await Promise.all(['renderer', 'shared', 'electron'].map(sourcesUnder))).flat();
    // An empty scan would pass vacuously: make sure each area was actually read.
    for (const area of ['renderer/', 'shared/', 'electron/main/', 'electron/preload/', 'electron/backend/', 'electron/web/']) {
      expect(files.some((f) => f.path.startsWith(area)), area).toBe(true);
    }
    expect(importViolations(files)).toEqual([]);
  });
});

describe('the import scanner', () => {
  it('finds every import form, on the right line', () => {
    const found = scanImports(
      [
        "import a from 'a';",
        "import type { B } from 'b';",
        'import {',
        '  c1,',
        '  c2 as c3,',
        "} from 'c';",
        "import 'd';",
        "export * from 'e';",
        "export { f } from 'f';",
        "export type { G } from 'g';",
        "const h = await import('h');",
        "const i = require('i');",
        "const j = createRequire(import.meta.url)('j');",
        "import * as k from 'k';",
      ].join('\n'),
    );
    expect(found.imports.map((i) => `${i.specifier}@${i.line}`).sort()).toEqual(
      ['a@1', 'b@2', 'c@3', 'd@7', 'e@8', 'f@9', 'g@10', 'h@11', 'i@12', 'j@13', 'k@14'].sort(),
    );
    expect(found.computed).toEqual([]);
  });

  it('ignores comments, strings that merely mention imports, and new URL path references', () => {
    const found = scanImports(
      [
        "// import x from 'electron';",
        "/* require('electron') */",
        "const url = 'http://host/path'; // import y from 'y'",
        "const entry = new URL('../broker/cli-main.ts', import.meta.url);",
        "const re = require.resolve('electron/package.json');",
        "const quote = /['\"]/; const slashes = /https?:\\/\\//;",
      ].join('\n'),
    );
    expect(found.imports).toEqual([]);
  });

  it('keeps reading after regex literals holding quotes or slashes', () => {
    const found = scanImports("const q = /['\"]/g;\nconst u = x.replace(/\\/\\//, '');\nconst m = await import('after');");
    expect(found.imports.map((i) => i.specifier)).toEqual(['after']);
  });

  it('reports imports it cannot read', () => {
    expect(scanImports('const m = await import(name);\nconst n = require(`${x}`);').computed).toEqual([1]);
  });
});

describe('the import rules catch', () => {
  const check = (file: string, source: string) => importViolations([{ path: file, source }]);

  it('the renderer importing electron/, Node or the electron package', () => {
    expect(check('renderer/views/Queues.tsx', "import { x } from '../../electron/backend/backend.js';")).toHaveLength(1);
    expect(check('renderer/api/x.ts', "import type { IpcRenderer } from 'electron';")).toHaveLength(1);
    expect(check('renderer/api/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(check('renderer/api/x.ts', "import { z } from 'zod';\nimport { m } from '../../shared/api/contract.js';\nimport { y } from './y.js';")).toEqual([]);
  });

  it('shared/ importing anything of ours outside shared/', () => {
    expect(check('shared/api/contract.ts', "import { v } from '../../renderer/state/store.js';")).toHaveLength(1);
    expect(check('shared/api/contract.ts', "export * from '../../electron/web/csp.js';")).toHaveLength(1);
    expect(check('shared/api/contract.ts', "import { z } from 'zod';\nimport { P } from '../model/profile.js';")).toEqual([]);
  });

  it("'electron' outside electron/main and electron/preload, in any form", () => {
    expect(check('electron/backend/backend.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(check('electron/web/host.ts', "const { app } = await import('electron');")).toHaveLength(1);
    expect(check('electron/cli.ts', "const e = require('electron');")).toHaveLength(1);
    expect(check('electron/cli.ts', "const e = createRequire(import.meta.url)('electron');")).toHaveLength(1);
    expect(check('electron/main/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(check('electron/preload/preload.ts', "import { contextBridge } from 'electron';")).toEqual([]);
  });

  it('the broker importing outside itself and shared/', () => {
    expect(check('electron/broker/server.ts', "import { createBackend } from '../backend/backend.js';")).toHaveLength(1);
    expect(check('electron/broker/server.ts', "import { route } from '../../shared/routing/route.js';\nimport { q } from './queue.js';")).toEqual([]);
  });

  it('the backend importing the broker, but not referencing its entry file', () => {
    expect(check('electron/backend/embedded/supervisor.ts', "import { startBroker } from '../../broker/server.js';")).toHaveLength(1);
    expect(check('electron/backend/embedded/supervisor.ts', "const entry = new URL('../../broker/cli-main.ts', import.meta.url);")).toEqual([]);
  });

  it('electron/ importing the renderer', () => {
    expect(check('electron/web/host.ts', "import { createClient } from '../../renderer/api/client.js';")).toHaveLength(1);
  });

  it('computed imports where the direction matters', () => {
    expect(check('renderer/main.tsx', 'const m = await import(name);')).toHaveLength(1);
  });
});
