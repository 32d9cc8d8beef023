import type { FieldTable, FieldValue } from '../../shared/model/workbench/field-value.js';

/**
 * Headers as the form edits them: a tree of rows, each a name, an AMQP type
 * and the value as typed. Tables and arrays hold child rows instead of text.
 * Parsing turns the tree into a typed FieldTable and says, per row, what is wrong.
 */
export type ValueType = 'string' | 'int' | 'float' | 'boolean' | 'timestamp' | 'bytes' | 'decimal' | 'table' | 'array' | 'void';

export const VALUE_TYPES: readonly ValueType[] = ['string', 'int', 'float', 'boolean', 'timestamp', 'bytes', 'decimal', 'table', 'array', 'void'];

export const VALUE_TYPE_LABEL: Record<ValueType, string> = {
  string: 'string',
  int: 'int',
  float: 'float',
  boolean: 'boolean',
  timestamp: 'timestamp (s)',
  bytes: 'bytes (base64)',
  decimal: 'decimal',
  table: 'table',
  array: 'array',
  void: 'void',
};

export interface ValueNode {
  readonly id: number;
  /** Ignored for array elements: their position names them. */
  readonly name: string;
  readonly type: ValueType;
  readonly text: string;
  readonly children: readonly ValueNode[];
}

let nextId = 1;

export function valueNode(name = '', type: ValueType = 'string', text = '', children: readonly ValueNode[] = []): ValueNode {
  return { id: nextId++, name, type, text, children };
}

export const isContainer = (type: ValueType): boolean => type === 'table' || type === 'array';

/** Decimal places and digits as one number written out, e.g. 12.50 for { places: 2, digits: 1250 }. */
function decimalText({ places, digits }: { places: number; digits: number }): string {
  if (places === 0) return String(digits);
  const sign = digits < 0 ? '-' : '';
  const abs = String(Math.abs(digits)).padStart(places + 1, '0');
  return `${sign}${abs.slice(0, -places)}.${abs.slice(-places)}`;
}

function nodeOf(name: string, value: FieldValue): ValueNode {
  switch (value.type) {
    case 'string':
    case 'bytes':
      return valueNode(name, value.type, value.value);
    case 'int':
    case 'float':
    case 'timestamp':
      return valueNode(name, value.type, String(value.value));
    case 'boolean':
      return valueNode(name, 'boolean', String(value.value));
    case 'decimal':
      return valueNode(name, 'decimal', decimalText(value.value));
    case 'void':
      return valueNode(name, 'void');
    case 'table':
      return valueNode(name, 'table', '', nodesFromTable(value.value));
    case 'array':
      return valueNode(name, 'array', '', value.value.map((item) => nodeOf('', item)));
  }
}

/** A message's headers as rows, e.g. to edit and republish a consumed message. */
export function nodesFromTable(table: FieldTable): ValueNode[] {
  return Object.entries(table).map(([name, value]) => nodeOf(name, value));
}

/** A row switched to another type: its text is kept where it still makes sense, children only between containers. */
export function retype(node: ValueNode, type: ValueType): ValueNode {
  if (type === node.type) return node;
  const text = isContainer(type) || type === 'void' ? '' : type === 'boolean' ? (node.text === 'false' ? 'false' : 'true') : node.type === 'boolean' ? '' : node.text;
  return { ...node, type, text, children: isContainer(type) ? node.children : [] };
}

/** AMQP's long-long is signed 64-bit, but a JavaScript number is exact only to 2^53. */
const INT_PATTERN = /^-?\d+$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

type Parsed = { value: FieldValue } | { problem: string };

function parseScalar(node: ValueNode): Parsed {
  const text = node.text.trim();
  switch (node.type) {
    case 'string':
      return { value: { type: 'string', value: node.text } };
    case 'int': {
      if (!INT_PATTERN.test(text)) return { problem: 'a whole number, e.g. 42' };
      const n = Number(text);
      if (!Number.isSafeInteger(n)) return { problem: 'too large: at most ±9007199254740991' };
      return { value: { type: 'int', value: n } };
    }
    case 'float': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return { problem: 'a number, e.g. 1.5' };
      return { value: { type: 'float', value: n } };
    }
    case 'boolean':
      return { value: { type: 'boolean', value: text === 'true' } };
    case 'timestamp': {
      if (!/^\d+$/.test(text)) return { problem: 'seconds since 1970, e.g. 1767225600' };
      return { value: { type: 'timestamp', value: Number(text) } };
    }
    case 'bytes': {
      const compact = text.replace(/\s+/g, '');
      if (!BASE64_PATTERN.test(compact)) return { problem: 'base64, e.g. AAEC/w==' };
      return { value: { type: 'bytes', value: compact } };
    }
    case 'decimal': {
      const match = DECIMAL_PATTERN.exec(text);
      if (!match) return { problem: 'a decimal number, e.g. 12.50' };
      const places = (match[3] ?? '').length;
      const digits = Number(`${match[1]}${match[2]}${match[3] ?? ''}`);
      if (places > 255 || !Number.isSafeInteger(digits) || Math.abs(digits) > 0x7fffffff) return { problem: 'too many digits: AMQP decimals hold 32-bit digits' };
      return { value: { type: 'decimal', value: { places, digits } } };
    }
    case 'void':
      return { value: { type: 'void' } };
    case 'table':
    case 'array':
      throw new Error(`${node.type} is not a scalar`);
  }
}

export interface ParsedTable {
  readonly table: FieldTable;
  /** Why a row cannot be used, by row id. */
  readonly problems: ReadonlyMap<number, string>;
}

function parseValue(node: ValueNode, problems: Map<number, string>): FieldValue | null {
  if (node.type === 'table') return { type: 'table', value: parseRows(node.children, problems) };
  if (node.type === 'array') {
    const items = node.children.map((child) => parseValue(child, problems)).filter((v): v is FieldValue => v !== null);
    return { type: 'array', value: items };
  }
  const parsed = parseScalar(node);
  if ('problem' in parsed) {
    problems.set(node.id, parsed.problem);
    return null;
  }
  return parsed.value;
}

function parseRows(nodes: readonly ValueNode[], problems: Map<number, string>): FieldTable {
  const table: FieldTable = {};
  const seen = new Set<string>();
  for (const node of nodes) {
    const name = node.name.trim();
    if (name === '') {
      problems.set(node.id, 'a header needs a name');
      continue;
    }
    if (name.length > 255) {
      problems.set(node.id, 'names are at most 255 characters');
      continue;
    }
    if (seen.has(name)) {
      problems.set(node.id, `'${name}' is already above: a table holds each name once`);
      continue;
    }
    seen.add(name);
    const value = parseValue(node, problems);
    if (value !== null) table[name] = value;
  }
  return table;
}

/** The rows as a typed field table; rows with a problem are left out and listed. */
export function parseTable(nodes: readonly ValueNode[]): ParsedTable {
  const problems = new Map<number, string>();
  const table = parseRows(nodes, problems);
  return { table, problems };
}

/** Replaces the node with `id` anywhere in the tree, or removes it when `change` returns null. */
export function updateNode(nodes: readonly ValueNode[], id: number, change: (node: ValueNode) => ValueNode | null): ValueNode[] {
  const out: ValueNode[] = [];
  for (const node of nodes) {
    if (node.id === id) {
      const next = change(node);
      if (next !== null) out.push(next);
      continue;
    }
    out.push(node.children.length > 0 ? { ...node, children: updateNode(node.children, id, change) } : node);
  }
  return out;
}

/** Number of rows in the tree, nested ones included: for the editor's heading. */
export function countNodes(nodes: readonly ValueNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}

/**
 * Headers as plain decoded values (strings, numbers, booleans, byte arrays, nested objects),
 * the shape shared/routing matches headers-exchange bindings against.
 */
export function plainHeaders(table: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(table)) out[name] = plainValue(value);
  return out;
}

function plainValue(value: FieldValue): unknown {
  switch (value.type) {
    case 'void':
      return null;
    case 'table':
      return plainHeaders(value.value);
    case 'array':
      return value.value.map(plainValue);
    case 'bytes':
      return Uint8Array.from(atob(value.value), (c) => c.charCodeAt(0));
    case 'decimal':
      return value.value.digits / 10 ** value.value.places;
    default:
      return value.value;
  }
}
