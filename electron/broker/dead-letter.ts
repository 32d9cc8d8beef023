// Dead-lettered copies of messages, with the x-death header exactly as
// RabbitMQ 3.10 writes it (rabbit_dead_letter:make_msg/5 and
// update_x_death_header/2): one entry per (queue, reason) with a count,
// newest first, plus x-first-death-* on the first death. Top-level headers
// end up sorted by key because RabbitMQ's set_table_value sorts them.
import { encodeProperties } from './properties.js';
import type { Message } from './message.js';
import { array, long, longstr, stringValue, timestamp, type FieldTable, type FieldValue } from './protocol/field-table.js';

// RabbitMQ reads the count whatever integer type carries it (x_death_event_key/2 ignores the
// type): a client that republishes a dead-lettered message may re-encode it as a byte or short.
const INTEGER_TYPES = new Set(['b', 'B', 's', 'u', 'I', 'i', 'l']);

export type DeadLetterReason = 'rejected' | 'expired' | 'maxlen';

function sortTable(t: FieldTable): FieldTable {
  const out: FieldTable = {};
  for (const k of Object.keys(t).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) out[k] = t[k]!;
  return out;
}

/** The routing keys a message was published with: its key, then any CC header keys. */
export function publishRoutingKeys(message: Message): string[] {
  const cc = message.properties.headers?.CC;
  const extra = cc?.type === 'A' ? cc.value.map((v) => stringValue(v)).filter((s): s is string => s !== undefined) : [];
  return [message.routingKey, ...extra];
}

export function deadLetterMessage(
  message: Message,
  reason: DeadLetterReason,
  queue: string,
  deadLetterExchange: string,
  deadLetterRoutingKey: string | undefined,
  nowMs: number,
): Message {
  const props = { ...message.properties };
  const info: FieldTable = {
    reason: longstr(reason),
    queue: longstr(queue),
    time: timestamp(Math.floor(nowMs / 1000)),
    exchange: longstr(message.exchange),
    'routing-keys': array(publishRoutingKeys(message).map((k) => longstr(k))),
  };
  if (props.expiration !== undefined) {
    info['original-expiration'] = longstr(props.expiration);
    delete props.expiration;
  }
  const headers: FieldTable = { ...(props.headers ?? {}) };
  if (deadLetterRoutingKey !== undefined) delete headers.CC;
  const existing = headers['x-death'];
  if (existing === undefined || existing.type !== 'A') {
    headers['x-first-death-reason'] = longstr(reason);
    headers['x-first-death-queue'] = longstr(queue);
    headers['x-first-death-exchange'] = longstr(message.exchange);
    headers['x-death'] = array([{ type: 'F', value: { count: long(1), ...info } }]);
  } else {
    let count = 1;
    const others: FieldValue[] = [];
    for (const entry of existing.value) {
      if (entry.type === 'F' && stringValue(entry.value.queue) === queue && stringValue(entry.value.reason) === reason) {
        const c = entry.value.count;
        count = (c && INTEGER_TYPES.has(c.type) ? Number(c.value) : 0) + 1;
      } else {
        others.push(entry);
      }
    }
    headers['x-death'] = array([{ type: 'F', value: sortTable({ count: long(count), ...info }) }, ...others]);
  }
  props.headers = sortTable(headers);
  return {
    exchange: deadLetterExchange,
    routingKey: deadLetterRoutingKey ?? message.routingKey,
    properties: props,
    propertiesBytes: encodeProperties(props),
    body: message.body,
  };
}
