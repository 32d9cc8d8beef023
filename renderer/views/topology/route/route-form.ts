import type { ProbeHeaderValue } from '../../../../shared/model/route-probe.js';
import { isTypedFieldValue, unwrapFieldValue } from '../../../../shared/routing/field-values.js';

/**
 * The explainer's form as the user edits it: text everywhere, a type per
 * header row. Headers matter to headers exchanges (compared with Erlang ==,
 * so 1 and 1.0 are equal but "1" is not) and CC/BCC (lists of keys).
 */
export type HeaderType = 'string' | 'number' | 'boolean' | 'void' | 'list';

export const HEADER_TYPES: readonly HeaderType[] = ['string', 'number', 'boolean', 'void', 'list'];

export interface HeaderRow {
  readonly id: number;
  readonly key: string;
  readonly type: HeaderType;
  readonly value: string;
}

export interface RouteDraft {
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: readonly HeaderRow[];
}

/** A message to explain, as the workbench (or anything else) hands it over. Typed field values ({ type, value }) are accepted too. */
export interface RouteMessage {
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers?: Readonly<Record<string, unknown>>;
}

let nextRowId = 1;

export function headerRow(key = '', type: HeaderType = 'string', value = ''): HeaderRow {
  return { id: nextRowId++, key, type, value };
}

/** One shared empty list, so a fresh draft does not look like new headers to memoized parsing. */
const NO_HEADERS: readonly HeaderRow[] = [];

export const emptyDraft = (exchange = ''): RouteDraft => ({ exchange, routingKey: '', headers: NO_HEADERS });

function rowOf(key: string, raw: unknown): HeaderRow {
  const v = isTypedFieldValue(raw) ? unwrapFieldValue(raw) : raw;
  if (v === null || v === undefined) return headerRow(key, 'void');
  if (typeof v === 'number' || typeof v === 'bigint') return headerRow(key, 'number', String(v));
  if (typeof v === 'boolean') return headerRow(key, 'boolean', String(v));
  if (Array.isArray(v)) return headerRow(key, 'list', v.map((item) => String(isTypedFieldValue(item) ? unwrapFieldValue(item) : item)).join(', '));
  return headerRow(key, 'string', typeof v === 'string' ? v : JSON.stringify(v));
}

/** Prefills the form from a message, e.g. one picked in the workbench. */
export function draftFromMessage(message: RouteMessage): RouteDraft {
  return {
    exchange: message.exchange,
    routingKey: message.routingKey,
    headers: Object.entries(message.headers ?? {}).map(([key, value]) => rowOf(key, value)),
  };
}

export interface ParsedHeaders {
  readonly headers: Record<string, ProbeHeaderValue>;
  /** Why a row cannot be used, by row id; such rows are left out of the headers. */
  readonly problems: ReadonlyMap<number, string>;
}

function valueOf(row: HeaderRow): ProbeHeaderValue | { problem: string } {
  switch (row.type) {
    case 'string':
      return row.value;
    case 'number': {
      const n = Number(row.value.trim());
      return row.value.trim() === '' || !Number.isFinite(n) ? { problem: 'not a number' } : n;
    }
    case 'boolean':
      return row.value === 'true';
    case 'void':
      return null;
    case 'list':
      return row.value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
  }
}

/** The rows as message headers; empty keys are skipped, a repeated key keeps its last row, as a table can hold a key once. */
export function parseHeaders(rows: readonly HeaderRow[]): ParsedHeaders {
  const headers: Record<string, ProbeHeaderValue> = {};
  const problems = new Map<number, string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '') continue;
    const value = valueOf(row);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) problems.set(row.id, value.problem);
    else headers[key] = value;
  }
  return { headers, problems };
}
