// A binding's properties_key, the last segment of its URL in the management
// API: rabbit_mgmt_format:pack_binding_props. "~" for an empty key without
// arguments; the key form-encoded (with ~ as %7E); with arguments, "~" and a
// short hash of them. RabbitMQ hashes with erlang:phash2, which is not
// reproducible outside Erlang, so keys of bindings WITH arguments differ from
// RabbitMQ's (they are opaque identifiers either way).
import { createHash } from 'node:crypto';
import type { FieldTable } from '../protocol/field-table.js';
import { fieldTableToJson } from './json-table.js';

function quotePlus(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function bindingPropertiesKey(routingKey: string, args: FieldTable): string {
  const hasArgs = Object.keys(args).length > 0;
  if (!hasArgs) return routingKey === '' ? '~' : quotePlus(routingKey);
  const json = stableJson(fieldTableToJson(args));
  const hash = createHash('sha256').update(json).digest().subarray(0, 4).toString('base64url');
  return `${quotePlus(routingKey)}~${quotePlus(hash)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
