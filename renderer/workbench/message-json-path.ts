/**
 * A small JSON path filter for message bodies: `$.order.id == 42`,
 * `$.items[*].sku == "A-1"`, `$.customer.email` (exists), `$.total >= 100`,
 * `$.note =~ /urgent/i`. Paths take `.name`, `['name']`, `[index]` and `[*]` / `.*`;
 * with a wildcard the test holds when any value found passes.
 */

type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'any' };
type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~';
type Comparison = { operator: Operator; value: unknown };

export type JsonPathQuery = { segments: Segment[]; comparison: Comparison | null };
export type JsonPathParse = { ok: true; query: JsonPathQuery } | { ok: false; error: string };

const IDENT = /^[A-Za-z_$][\w$-]*/;
const OPERATORS: readonly Operator[] = ['==', '!=', '<=', '>=', '=~', '<', '>'];

class ParseError extends Error {}

function fail(message: string, at: number): never {
  throw new ParseError(`${message} at character ${at + 1}`);
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start] as string;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      value += text[++i];
    } else if (c === quote) {
      return { value, end: i + 1 };
    } else {
      value += c;
    }
  }
  return fail(`unterminated string`, start);
}

function readSegments(text: string, start: number): { segments: Segment[]; end: number } {
  const segments: Segment[] = [];
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '*') {
        segments.push({ kind: 'any' });
        i += 2;
        continue;
      }
      const ident = IDENT.exec(text.slice(i + 1));
      if (!ident) fail('expected a name after "."', i + 1);
      segments.push({ kind: 'key', key: ident[0] });
      i += 1 + ident[0].length;
    } else if (c === '[') {
      const rest = text.slice(i + 1);
      if (rest.startsWith('*]')) {
        segments.push({ kind: 'any' });
        i += 3;
      } else if (rest[0] === '"' || rest[0] === "'") {
        const quoted = readQuoted(text, i + 1);
        if (text[quoted.end] !== ']') fail('expected "]"', quoted.end);
        segments.push({ kind: 'key', key: quoted.value });
        i = quoted.end + 1;
      } else {
        const digits = /^(\d+)\]/.exec(rest);
        if (!digits) fail('expected an index, a quoted name or * inside "[ ]"', i + 1);
        segments.push({ kind: 'index', index: Number(digits[1]) });
        i += 1 + digits[0].length;
      }
    } else {
      break;
    }
  }
  return { segments, end: i };
}

function readValue(text: string, start: number, operator: Operator): unknown {
  const raw = text.slice(start).trim();
  if (raw === '') return fail('expected a value after the operator', start);
  if (operator === '=~') {
    const literal = /^\/(.*)\/([a-z]*)$/s.exec(raw);
    const source = literal ? (literal[1] as string) : raw;
    try {
      return new RegExp(source, literal ? literal[2] : '');
    } catch (error) {
      return fail(`invalid regex (${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)})`, start);
    }
  }
  if (raw[0] === "'") {
    const quoted = readQuoted(raw, 0);
    if (quoted.end !== raw.length) fail('unexpected text after the string', start + quoted.end);
    return quoted.value;
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return fail(`"${raw}" is not a number, a quoted string, true, false or null`, start);
  }
}

/** Parses a JSON path filter; errors name what is wrong and where, for the filter box to show. */
export function parseJsonPath(text: string): JsonPathParse {
  try {
    const source = text.trim();
    if (!source.startsWith('$')) fail('a JSON path starts with "$"', 0);
    const { segments, end } = readSegments(source, 1);
    const rest = source.slice(end);
    const trimmed = rest.trimStart();
    if (trimmed === '') return { ok: true, query: { segments, comparison: null } };
    const at = end + (rest.length - trimmed.length);
    const operator = OPERATORS.find((op) => trimmed.startsWith(op));
    if (operator === undefined) fail(`expected an operator (${OPERATORS.join(' ')}) or the end`, at);
    return { ok: true, query: { segments, comparison: { operator, value: readValue(source, at + operator.length, operator) } } };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: `JSON path: ${error.message}` };
    throw error;
  }
}

function select(values: unknown[], segment: Segment): unknown[] {
  const next: unknown[] = [];
  for (const value of values) {
    if (value === null || typeof value !== 'object') continue;
    if (segment.kind === 'any') {
      next.push(...(Array.isArray(value) ? value : Object.values(value)));
    } else if (segment.kind === 'index') {
      if (Array.isArray(value) && segment.index < value.length) next.push(value[segment.index]);
    } else if (!Array.isArray(value) && Object.hasOwn(value, segment.key)) {
      next.push((value as Record<string, unknown>)[segment.key]);
    }
  }
  return next;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function passes(found: unknown, { operator, value }: Comparison): boolean {
  switch (operator) {
    case '==':
      return equal(found, value);
    case '!=':
      return !equal(found, value);
    case '=~':
      return typeof found === 'string' && (value as RegExp).test(found);
    default: {
      const comparable = (typeof found === 'number' && typeof value === 'number') || (typeof found === 'string' && typeof value === 'string');
      if (!comparable) return false;
      const [x, y] = [found as number | string, value as number | string];
      return operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
    }
  }
}

/** Whether a parsed JSON document satisfies the query: the path exists, and with a comparison some value found passes it. */
export function matchesJsonPath(document: unknown, query: JsonPathQuery): boolean {
  let values = [document];
  for (const segment of query.segments) values = select(values, segment);
  if (query.comparison === null) return values.length > 0;
  const comparison = query.comparison;
  return values.some((value) => passes(value, comparison));
}
