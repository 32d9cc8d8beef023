import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/rabbitmq-3.10');

export const fixtureNames = (): string[] => readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).sort();

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, name), 'utf8'));
}

export function fixtureList(name: string): Record<string, unknown>[] {
  const value = fixture(name);
  if (!Array.isArray(value)) throw new Error(`${name} is not a list`);
  return value as Record<string, unknown>[];
}

const STAT_KEYS = new Set([
  'message_stats',
  'messages',
  'messages_ready',
  'messages_unacknowledged',
  'consumers',
  'state',
  'queue_totals',
  'object_totals',
  'recv_oct',
  'send_oct',
  'consumer_count',
  'messages_unconfirmed',
]);

/**
 * A row as a broker with no statistics sends it: RabbitMQ 4 with metrics
 * collection off, or a queue created a moment ago (it then lacks even its
 * type and state). Drops every statistic and every `*_details` rate.
 */
export function withoutStats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStats);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (STAT_KEYS.has(k) || k.endsWith('_details')) continue;
    out[k] = k === 'arguments' || k === 'client_properties' ? v : withoutStats(v);
  }
  return out;
}

/** Every statistic present but null, as some brokers and proxies emit. */
export function withNullStats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNullStats);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = STAT_KEYS.has(k) || k.endsWith('_details') ? null : k === 'arguments' ? v : withNullStats(v);
  }
  return out;
}
