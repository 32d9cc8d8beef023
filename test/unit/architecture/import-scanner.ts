/**
 * Finds what a TypeScript file imports, without a TypeScript parser (the
 * native compiler has no JS API): comments are blanked first, string and
 * template contents are kept, then the import forms are matched.
 */
export interface FoundImport {
  specifier: string;
  kind: 'import' | 'export-from' | 'dynamic' | 'require';
  line: number;
}

export interface ScanResult {
  imports: FoundImport[];
  /** Lines with import(...) or require(...) of something that is not a string literal: unverifiable. */
  computed: number[];
}

/** Replaces comments with spaces (newlines kept, so line numbers stay right). */
export function blankComments(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '/' && startsRegex(out)) {
      // Copy a regex literal whole: quotes or "//" inside it are not strings or comments.
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n' && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      out += source.slice(i, j + 1);
      i = j + 1;
    } else if (c === "'" || c === '"' || c === '`') {
      // Copy the literal whole so that "//" inside it is not taken for a comment.
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A "/" starts a regex, not a division, after an operator, an opening bracket or a keyword like return. */
function startsRegex(before: string): boolean {
  const trimmed = before.trimEnd();
  if (trimmed === '') return true;
  if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(trimmed)) return true;
  return /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await)$/.test(trimmed);
}

const PATTERNS: [FoundImport['kind'], RegExp][] = [
  ['import', /(?<![\w$.])import\s+(?:type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?(['"])([^'"]+)\1/g],
  ['export-from', /(?<![\w$.])export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g],
  ['dynamic', /(?<![\w$.])import\s*\(\s*(['"`])([^'"`]+)\1\s*[,)]/g],
  ['require', /(?<![\w$.])require\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g],
  // createRequire(import.meta.url)('x') loads 'x' just the same.
  ['require', /createRequire\s*\([^)]*\)\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g],
];

const COMPUTED = /(?<![\w$.])(?:import|require)\s*\(\s*(?!['"`]|\s*\)|import\.meta)[^)]/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function scanImports(source: string): ScanResult {
  const text = blankComments(source);
  const imports: FoundImport[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) imports.push({ specifier: match[2]!, kind, line: lineAt(text, match.index) });
  }
  const computed = [...text.matchAll(COMPUTED)].map((m) => lineAt(text, m.index));
  return { imports, computed };
}
