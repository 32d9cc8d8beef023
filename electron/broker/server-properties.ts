// What the broker announces in connection.start: the same keys and
// capabilities RabbitMQ 3.x announces, so clients enable the same features.
import { hostname } from 'node:os';
import type { FieldTable } from './protocol/field-table.js';

export const BROKER_VERSION = '3.10.8';

export function serverProperties(): FieldTable {
  const yes = { type: 't' as const, value: true };
  return {
    capabilities: {
      type: 'F',
      value: {
        publisher_confirms: yes,
        exchange_exchange_bindings: yes,
        'basic.nack': yes,
        consumer_cancel_notify: yes,
        'connection.blocked': yes,
        consumer_priorities: yes,
        authentication_failure_close: yes,
        per_consumer_qos: yes,
        direct_reply_to: yes,
      },
    },
    cluster_name: { type: 'S', value: `warren@${hostname()}` },
    copyright: { type: 'S', value: 'Copyright (c) the Warren authors' },
    information: { type: 'S', value: 'Warren embedded broker, licensed under the MIT license' },
    platform: { type: 'S', value: `Node.js ${process.version}` },
    product: { type: 'S', value: 'Warren' },
    version: { type: 'S', value: BROKER_VERSION },
  };
}

/** A field table as plain JSON for logs (binary values elided). */
export function plainTable(t: FieldTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    switch (v.type) {
      case 'F': out[k] = plainTable(v.value); break;
      case 'A': out[k] = v.value.map((x) => (x.type === 'F' ? plainTable(x.value) : Buffer.isBuffer(x.value) ? '<binary>' : x.value)); break;
      case 'S': out[k] = Buffer.isBuffer(v.value) ? '<binary>' : v.value; break;
      case 'x': out[k] = '<binary>'; break;
      default: out[k] = typeof v.value === 'bigint' ? v.value.toString() : v.value;
    }
  }
  return out;
}
