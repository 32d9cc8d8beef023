import type { FieldTable, FieldValue } from '../../shared/model/workbench/field-value.js';

/** One x-death entry: a (queue, reason) pair the message died in, as many times as `count` says. */
export type DeathEntry = {
  queue: string;
  reason: string;
  count: number;
  /** The exchange the message had been published to before it died there. */
  exchange: string;
  routingKeys: string[];
  /** Milliseconds since the epoch of the latest death in this entry (the broker updates it on each), or null. */
  time: number | null;
  originalExpiration: string | null;
};

function text(value: FieldValue | undefined): string | null {
  if (value === undefined) return null;
  if (value.type === 'string') return value.value;
  if (value.type === 'bytes') return atob(value.value);
  return null;
}

function numberOf(value: FieldValue | undefined): number | null {
  if (value === undefined) return null;
  return value.type === 'int' || value.type === 'float' || value.type === 'timestamp' ? value.value : null;
}

/** The x-death history of a message, newest first as the broker keeps it; empty when it never died. */
export function deathHistory(headers: FieldTable): DeathEntry[] {
  const header = headers['x-death'];
  if (header?.type !== 'array') return [];
  const entries: DeathEntry[] = [];
  for (const item of header.value) {
    if (item.type !== 'table') continue;
    const fields = item.value;
    const keys = fields['routing-keys'];
    const time = numberOf(fields.time);
    entries.push({
      queue: text(fields.queue) ?? '?',
      reason: text(fields.reason) ?? 'unknown',
      count: numberOf(fields.count) ?? 1,
      exchange: text(fields.exchange) ?? '',
      routingKeys: keys?.type === 'array' ? keys.value.map((k) => text(k)).filter((k): k is string => k !== null) : [],
      time: time === null ? null : time * 1000,
      originalExpiration: text(fields['original-expiration']),
    });
  }
  return entries;
}

/** Why a message died, in words: RabbitMQ's reasons are rejected, expired, maxlen and delivery_limit. */
const REASON_WORDS: Record<string, string> = {
  rejected: 'rejected',
  expired: 'expired',
  maxlen: 'dropped by the length limit',
  delivery_limit: 'over the delivery limit',
};

const exchangeName = (name: string): string => (name === '' ? 'the default exchange' : `exchange '${name}'`);
const times = (count: number): string => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count.toLocaleString('en-US')} times`);

/**
 * One entry as a sentence: "rejected 3 times in queue 'orders', published to
 * exchange 'orders' with key 'order.new', last at 14:03:27".
 */
export function describeDeath(entry: DeathEntry, formatTime: (ms: number) => string): string {
  const reason = REASON_WORDS[entry.reason] ?? entry.reason;
  const keys = entry.routingKeys.length === 0 ? '' : ` with ${entry.routingKeys.length === 1 ? 'key' : 'keys'} ${entry.routingKeys.map((k) => `'${k}'`).join(', ')}`;
  const when = entry.time === null ? '' : `, ${entry.count === 1 ? 'at' : 'last at'} ${formatTime(entry.time)}`;
  const ttl = entry.originalExpiration === null ? '' : ` (its expiration was ${entry.originalExpiration} ms)`;
  return `${reason} ${times(entry.count)} in queue '${entry.queue}', published to ${exchangeName(entry.exchange)}${keys}${when}${ttl}`;
}

/** The queue a send-back returns the message to: the newest death's queue, as workbench.sendBack picks it. */
export function originQueue(headers: FieldTable): string | null {
  return deathHistory(headers)[0]?.queue ?? null;
}
