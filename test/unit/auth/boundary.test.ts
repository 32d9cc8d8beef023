import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanImports } from '../architecture/import-scanner.js';

/**
 * electron/broker/auth is stricter than the rest of the broker: it imports
 * only shared/, its own files and Node built-ins, so the broker depends on
 * it and never the other way round.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const dir = 'electron/broker/auth';

describe('electron/broker/auth imports', () => {
  it('reach only shared/, the auth folder itself and node: built-ins', () => {
    const problems: string[] = [];
    for (const name of readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.ts'))) {
      const file = `${dir}/${name}`;
      const { imports, computed } = scanImports(readFileSync(path.join(root, file), 'utf8'));
      for (const line of computed) problems.push(`${file}:${line}: computed import`);
      for (const { specifier, line } of imports) {
        if (specifier.startsWith('node:')) continue;
        const target = path.posix.normalize(path.posix.join(dir, specifier));
        if (!(specifier.startsWith('.') && (target.startsWith(`${dir}/`) || target.startsWith('shared/')))) {
          problems.push(`${file}:${line}: imports '${specifier}'`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
