export type FilterMode = 'substring' | 'regex';

export type TextFilter =
  | { ok: true; active: boolean; test: (text: string) => boolean }
  | { ok: false; error: string };

const everything = (): boolean => true;

/**
 * Compiles what the user typed into a predicate. Case-insensitive in both
 * modes; an invalid regex is reported, never thrown, so the table keeps working.
 */
export function compileTextFilter(query: string, mode: FilterMode): TextFilter {
  if (query === '') return { ok: true, active: false, test: everything };
  if (mode === 'substring') {
    const needle = query.toLowerCase();
    return { ok: true, active: true, test: (text) => text.toLowerCase().includes(needle) };
  }
  try {
    const pattern = new RegExp(query, 'i');
    return { ok: true, active: true, test: (text) => pattern.test(text) };
  } catch (error) {
    // V8 says "Invalid regular expression: /(a/i: Unterminated group"; the pattern is already on screen.
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: (\/.*\/[a-z]*: )?/, '') : String(error);
    return { ok: false, error: `Invalid regex: ${reason}` };
  }
}
