import { describe, expect, it } from 'vitest';
import { globToRegExp, selectFiles } from '../../../scripts/dist-check/glob.js';

describe('packaging globs', () => {
  it('** spans any number of folders, * and ? stay within one', () => {
    const r = globToRegExp('dist/**/*.js');
    expect(['dist/a.js', 'dist/x/y/a.js'].map((f) => r.test(f))).toEqual([true, true]);
    expect(['dist/a.ts', 'other/a.js', 'dist/a.js.map'].map((f) => r.test(f))).toEqual([false, false, false]);
    expect(globToRegExp('a/*.js').test('a/b/c.js')).toBe(false);
    expect(globToRegExp('a?.js').test('ab.js')).toBe(true);
    expect(globToRegExp('a?.js').test('a/.js')).toBe(false);
  });

  it('braces are alternatives and dots are literal', () => {
    const r = globToRegExp('*.{png,ico}');
    expect(['a.png', 'a.ico', 'a.icns', 'apng'].map((f) => r.test(f))).toEqual([true, true, false, false]);
  });

  it('refuses patterns it would misread', () => {
    expect(() => globToRegExp('a**b')).toThrow('"**" must be a whole path segment');
    expect(() => globToRegExp('{a,b')).toThrow('unbalanced');
  });

  it('selects files a pattern matches, or that sit under a folder it matches, unless a ! pattern excludes them', () => {
    const files = ['package.json', 'dist/main.js', 'dist/main.js.map', 'dist/deep/x.js', 'src/main.ts', 'node_modules/zod/index.js'];
    expect(selectFiles(['package.json', 'dist/**/*', '!**/*.map'], files)).toEqual(['package.json', 'dist/main.js', 'dist/deep/x.js']);
    expect(selectFiles(['node_modules/zod'], files)).toEqual(['node_modules/zod/index.js']);
    expect(selectFiles([], files)).toEqual([]);
  });
});
