// Queue argument validation and redeclare equivalence, with RabbitMQ's reply
// texts (rabbit_amqqueue:declare_args/0 and rabbit_misc:assert_args_equivalence/4).
import { FIELD_TYPE_NAMES } from '../../shared/routing/index.js';
import { preconditionFailed, type AmqpError } from './errors.js';
import { integerValue, stringValue, type FieldTable, type FieldValue } from './protocol/field-table.js';

const INTEGER_TYPES = new Set(['b', 'B', 's', 'u', 'I', 'i', 'l']);
const NUMERIC_TYPES = new Set(['b', 'B', 's', 'u', 'I', 'i', 'l', 'f', 'd', 'D']);

export const OVERFLOW_MODES = ['drop-head', 'reject-publish', 'reject-publish-dlx'] as const;
export type OverflowMode = (typeof OVERFLOW_MODES)[number];

const typeName = (v: FieldValue) => FIELD_TYPE_NAMES[v.type] ?? v.type;

type Check = (v: FieldValue, args: FieldTable) => string | undefined;

function intCheck(v: FieldValue): string | undefined {
  return INTEGER_TYPES.has(v.type) ? undefined : `{unacceptable_type,${typeName(v)}}`;
}

function nonNegativeInt(v: FieldValue): string | undefined {
  const err = intCheck(v);
  if (err) return err;
  const n = integerValue(v)!;
  return n < 0 ? `{value_negative,${n}}` : undefined;
}

const CHECKS: Record<string, Check> = {
  'x-expires': (v) => {
    const err = intCheck(v);
    if (err) return err;
    const n = integerValue(v)!;
    if (n === 0) return `{value_zero,${n}}`;
    return n < 0 ? `{value_negative,${n}}` : undefined;
  },
  'x-message-ttl': (v) => {
    if (!INTEGER_TYPES.has(v.type)) return `"expected integer, got ${typeName(v)}"`;
    const n = integerValue(v)!;
    return n < 0 ? `{value_negative,${n}}` : undefined;
  },
  'x-dead-letter-routing-key': (_v, args) => (args['x-dead-letter-exchange'] === undefined ? 'routing_key_but_no_dlx_defined' : undefined),
  'x-max-length': nonNegativeInt,
  'x-max-length-bytes': nonNegativeInt,
  'x-max-in-memory-length': nonNegativeInt,
  'x-max-in-memory-bytes': nonNegativeInt,
  'x-max-priority': (v) => {
    const err = nonNegativeInt(v);
    if (err) return err;
    const n = integerValue(v)!;
    return n > 255 ? `{max_value_exceeded,${n}}` : undefined;
  },
  'x-overflow': (v) => {
    if (v.type !== 'S') return `{unacceptable_type,${typeName(v)}}`;
    return (OVERFLOW_MODES as readonly string[]).includes(stringValue(v)!) ? undefined : 'invalid_overflow';
  },
  'x-queue-mode': (v) => {
    if (v.type !== 'S') return `{unacceptable_type,${typeName(v)}}`;
    const mode = stringValue(v)!;
    return mode === 'default' || mode === 'lazy' ? undefined : `"unsupported queue mode '${mode}'"`;
  },
  'x-single-active-consumer': (v) => (v.type === 't' ? undefined : `{unacceptable_type,${typeName(v)}}`),
  'x-queue-type': (v) => {
    const t = stringValue(v) ?? '';
    return t === 'classic' ? undefined : `"unsupported queue type '${t}'"`;
  },
};

/** The arguments RabbitMQ compares on redeclare (declare_args/0 keys). */
const EQUIVALENCE_KEYS = [
  'x-expires', 'x-message-ttl', 'x-dead-letter-exchange', 'x-dead-letter-routing-key', 'x-max-length',
  'x-max-length-bytes', 'x-max-in-memory-length', 'x-max-in-memory-bytes', 'x-max-priority', 'x-overflow',
  'x-queue-mode', 'x-single-active-consumer', 'x-queue-type', 'x-quorum-initial-group-size', 'x-max-age',
  'x-stream-max-segment-size-bytes', 'x-initial-cluster-size', 'x-queue-leader-locator',
];

/** Validates a new queue's arguments; `resource` is "queue 'x' in vhost '/'". */
export function validateQueueArguments(args: FieldTable, resource: string): AmqpError | undefined {
  for (const key of ['x-dead-letter-exchange', 'x-dead-letter-routing-key']) {
    const v = args[key];
    if (v !== undefined && v.type !== 'S') return preconditionFailed(`invalid type '${typeName(v)}' for arg '${key}' in ${resource}`);
  }
  for (const [key, check] of Object.entries(CHECKS)) {
    const v = args[key];
    if (v === undefined) continue;
    const err = check(v, args);
    if (err) return preconditionFailed(`invalid arg '${key}' for ${resource}: ${err}`);
  }
  return undefined;
}

/** Erlang ~p of a decoded field value, as RabbitMQ's val/1 prints it. */
function formatValue(v: FieldValue): string {
  switch (v.type) {
    case 'S': return stringValue(v)!;
    case 't': return String(v.value);
    case 'V': return 'undefined';
    case 'x': return v.value.toString('latin1');
    case 'A': case 'F': return JSON.stringify(v.value);
    case 'D': return `{${v.value.scale},${v.value.value}}`;
    default: return String(v.value);
  }
}

function describe(v: FieldValue | undefined): string {
  return v === undefined ? 'none' : `the value '${formatValue(v)}' of type '${typeName(v)}'`;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  const compatible = a.type === b.type || (NUMERIC_TYPES.has(a.type) && NUMERIC_TYPES.has(b.type));
  if (!compatible) return false;
  if (a.type === 'x' || b.type === 'x' || (a.type === 'S' && b.type === 'S')) return formatValue(a) === formatValue(b);
  if (a.type === 'l' || a.type === 'T' || b.type === 'l' || b.type === 'T') return BigInt(a.value as number) === BigInt(b.value as number);
  return JSON.stringify(a.value) === JSON.stringify(b.value);
}

/** x-queue-type absent means classic, so redeclaring with 'classic' is equivalent. */
function implicitDefault(key: string): FieldValue | undefined {
  return key === 'x-queue-type' ? { type: 'S', value: 'classic' } : undefined;
}

/** rabbit_amqqueue:check_consumer_args: x-priority must be an integer. */
export function consumerArgumentsError(args: FieldTable, resource: string): AmqpError | undefined {
  const p = args['x-priority'];
  if (p !== undefined && !INTEGER_TYPES.has(p.type)) {
    return preconditionFailed(`invalid arg 'x-priority' for ${resource}: "expected integer, got ${typeName(p)}"`);
  }
  return undefined;
}

/** RabbitMQ's assert_args_equivalence over `keys`; undefined when equivalent. */
export function argsEquivalenceError(current: FieldTable, received: FieldTable, resource: string, keys: readonly string[] = EQUIVALENCE_KEYS): AmqpError | undefined {
  for (const key of keys) {
    const cur = current[key] ?? implicitDefault(key);
    const rec = received[key] ?? implicitDefault(key);
    if (cur === undefined && rec === undefined) continue;
    if (cur !== undefined && rec !== undefined) {
      if (sameValue(cur, rec)) continue;
      return preconditionFailed(`inequivalent arg '${key}' for ${resource}: received '${formatValue(rec)}' but current is '${formatValue(cur)}'`);
    }
    return preconditionFailed(`inequivalent arg '${key}' for ${resource}: received ${describe(rec)} but current is ${describe(cur)}`);
  }
  return undefined;
}

/** rabbit_misc:assert_field_equivalence for durable, auto_delete, type, internal. */
export function fieldEquivalenceError(field: string, current: string | boolean, received: string | boolean, resource: string): AmqpError | undefined {
  return current === received ? undefined : preconditionFailed(`inequivalent arg '${field}' for ${resource}: received '${received}' but current is '${current}'`);
}

/** Parsed queue arguments the queue acts on. */
export interface QueueSettings {
  messageTtl?: number;
  expires?: number;
  maxLength?: number;
  maxLengthBytes?: number;
  overflow: OverflowMode;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
  maxPriority?: number;
  singleActiveConsumer: boolean;
}

export function queueSettings(args: FieldTable): QueueSettings {
  return {
    messageTtl: integerValue(args['x-message-ttl']),
    expires: integerValue(args['x-expires']),
    maxLength: integerValue(args['x-max-length']),
    maxLengthBytes: integerValue(args['x-max-length-bytes']),
    overflow: (stringValue(args['x-overflow']) as OverflowMode | undefined) ?? 'drop-head',
    deadLetterExchange: stringValue(args['x-dead-letter-exchange']),
    deadLetterRoutingKey: stringValue(args['x-dead-letter-routing-key']),
    maxPriority: integerValue(args['x-max-priority']),
    singleActiveConsumer: args['x-single-active-consumer']?.type === 't' && args['x-single-active-consumer'].value === true,
  };
}
