import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The declarations of the first rule whose selector is exactly `selector`, in order, as `name: value` lines. */
function declarations(css: string, selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return body
    .split(';')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter((d) => d.startsWith('--'));
}

const read = (file: string): string => readFileSync(new URL(`../../../renderer/${file}`, import.meta.url), 'utf8');

describe('the dark palette, written for the system setting and for a forced dark', () => {
  it.each([
    ['styles/tokens.css', ":root:not([data-theme='light'])", ":root[data-theme='dark']"],
    ['views/topology/topology.css', ":root:not([data-theme='light']) .topology", ":root[data-theme='dark'] .topology"],
  ])('%s: both rules set the same tokens to the same values', (file, system, forced) => {
    const css = read(file);
    const fromSystem = declarations(css, system);
    expect(fromSystem.length).toBeGreaterThan(3);
    expect(declarations(css, forced)).toEqual(fromSystem);
  });
});
