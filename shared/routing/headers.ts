import { fieldTypeName, fieldValuesEqual, isTypedFieldValue, isVoid, unwrapFieldValue } from './field-values.js';
import type { FieldTable, FieldValue } from './model.js';

/**
 * Headers-exchange matching as rabbit_exchange_type_headers.erl does it.
 * The binding's `x-match` picks the mode; `x-match` itself never takes part,
 * other `x-` keys take part only in the -with-x modes. A binding value of
 * void means "the header is present, whatever its value". With no keys left
 * to compare, `all` matches every message and `any` matches none.
 */
export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

export const X_MATCH_VALUES: readonly XMatch[] = ['all', 'any', 'all-with-x', 'any-with-x'];

/** The x-match value when it is a longstr (a typed 'S', or a plain string). */
function xMatchString(args: FieldTable | undefined): string | undefined {
  const v = args?.['x-match'];
  if (isTypedFieldValue(v)) return v.type === 'S' && typeof v.value === 'string' ? v.value : undefined;
  return typeof v === 'string' ? v : undefined;
}

function isXMatch(s: string | undefined): s is XMatch {
  return s !== undefined && (X_MATCH_VALUES as readonly string[]).includes(s);
}

/** Anything that is not one of the four strings counts as `all` (RabbitMQ's legacy fallback for bindings made before validation). */
export function parseXMatch(args: FieldTable | undefined): XMatch {
  const s = xMatchString(args);
  return isXMatch(s) ? s : 'all';
}

/**
 * The PRECONDITION_FAILED text RabbitMQ gives for a bad `x-match` on
 * queue.bind/exchange.bind (validate_binding), or null when acceptable.
 * Exact for typed values; a plain value's wire type is inferred.
 */
export function xMatchError(args: FieldTable | undefined): string | null {
  if (args === undefined || !Object.prototype.hasOwnProperty.call(args, 'x-match')) return null;
  const raw = args['x-match'];
  const type = fieldTypeName(raw);
  const value = unwrapFieldValue(raw);
  if (type === 'longstr' && typeof value === 'string') {
    if (isXMatch(value)) return null;
    return `Invalid x-match field value ${erlangTerm(value)}; expected all, any, all-with-x, or any-with-x`;
  }
  return `Invalid x-match field type ${type} (value ${erlangTerm(value)}); expected longstr`;
}

/** How Erlang's ~tp prints the decoded term, as it appears inside RabbitMQ's message. */
function erlangTerm(v: unknown): string {
  if (typeof v === 'string') return `<<"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}">>`;
  if (v === null || v === undefined) return 'undefined';
  return String(v);
}

export interface HeadersPattern {
  readonly mode: XMatch;
  /** Keys that take part in matching, with `presence` for void values. */
  readonly entries: readonly { readonly key: string; readonly value: FieldValue; readonly presence: boolean }[];
}

/** Precomputes what a binding compares, once per binding instead of once per publish. */
export function compileHeadersPattern(args: FieldTable | undefined): HeadersPattern {
  const mode = parseXMatch(args);
  const withX = mode === 'all-with-x' || mode === 'any-with-x';
  const entries: { key: string; value: FieldValue; presence: boolean }[] = [];
  for (const [key, value] of Object.entries(args ?? {})) {
    if (key === 'x-match') continue;
    if (!withX && key.startsWith('x-')) continue;
    entries.push({ key, value, presence: isVoid(value) });
  }
  return { mode, entries };
}

function hasHeader(headers: FieldTable | undefined, key: string): headers is FieldTable {
  return headers !== undefined && Object.prototype.hasOwnProperty.call(headers, key);
}

export function matchHeadersPattern(pattern: HeadersPattern, headers: FieldTable | undefined): boolean {
  const all = pattern.mode === 'all' || pattern.mode === 'all-with-x';
  for (const { key, value, presence } of pattern.entries) {
    const ok = hasHeader(headers, key) && (presence || fieldValuesEqual(value, headers[key]));
    if (all && !ok) return false;
    if (!all && ok) return true;
  }
  return all;
}

export function headersMatch(bindingArgs: FieldTable | undefined, headers: FieldTable | undefined): boolean {
  return matchHeadersPattern(compileHeadersPattern(bindingArgs), headers);
}

export type HeaderVerdict = 'equal' | 'present' | 'different' | 'missing' | 'ignored';

export interface HeadersExplanation {
  readonly mode: XMatch;
  readonly matched: boolean;
  /** Every binding argument, in binding order, with what it contributed. */
  readonly keys: readonly {
    readonly key: string;
    readonly expected: FieldValue;
    readonly actual: FieldValue;
    readonly verdict: HeaderVerdict;
  }[];
}

/** The same decision as headersMatch, key by key, for the route explainer. */
export function explainHeadersMatch(bindingArgs: FieldTable | undefined, headers: FieldTable | undefined): HeadersExplanation {
  const pattern = compileHeadersPattern(bindingArgs);
  const considered = new Set(pattern.entries.map((e) => e.key));
  const keys = Object.entries(bindingArgs ?? {}).map(([key, expected]) => {
    const actual = hasHeader(headers, key) ? headers[key] : undefined;
    let verdict: HeaderVerdict;
    if (!considered.has(key)) verdict = 'ignored';
    else if (!hasHeader(headers, key)) verdict = 'missing';
    else if (isVoid(expected)) verdict = 'present';
    else verdict = fieldValuesEqual(expected, actual) ? 'equal' : 'different';
    return { key, expected, actual, verdict };
  });
  return { mode: pattern.mode, matched: matchHeadersPattern(pattern, headers), keys };
}
