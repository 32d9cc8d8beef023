import { isTypedFieldValue } from './field-values.js';
import type { FieldTable, FieldValue, RoutingBinding } from './model.js';

/**
 * A string identifying a binding the way RabbitMQ does: source, destination
 * (kind and name), routing key and arguments. Two bindings that differ only
 * in their arguments are distinct (RabbitMQ's routing_SUITE binds "args-test"
 * twice to one queue with different arguments). Argument order does not
 * matter: RabbitMQ sorts binding arguments before comparing them. Type
 * tags, when present, are part of the identity, as they are in Erlang.
 */
export function bindingIdentity(b: RoutingBinding): string {
  return JSON.stringify([b.source, b.destinationType, b.destination, b.routingKey, canonicalArgs(b.arguments)]);
}

function canonicalArgs(args: FieldTable | undefined): unknown[] {
  if (args === undefined) return [];
  return Object.keys(args)
    .sort()
    .map((k) => [k, canonicalValue(args[k])]);
}

function canonicalValue(v: FieldValue): unknown {
  if (isTypedFieldValue(v)) return { tag: v.type, value: canonicalValue(v.value) };
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return { bigint: v.toString() };
  if (v instanceof Uint8Array) return { bytes: Array.from(v) };
  if (v instanceof Date) return { date: v.getTime() };
  if (Array.isArray(v)) return v.map(canonicalValue);
  if (typeof v === 'object') {
    const o = v as Record<string, FieldValue>;
    return { table: Object.keys(o).map((k) => [k, canonicalValue(o[k])]) };
  }
  return v;
}
