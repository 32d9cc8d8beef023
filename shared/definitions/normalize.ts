import { sortKeys, stableJson } from './model.js';
import { SECTIONS, type Section } from './schema.js';

/** The fields each section's items are sorted by, most significant first. */
const ORDER: Record<Section, string[]> = {
  users: ['name'],
  vhosts: ['name'],
  permissions: ['user', 'vhost'],
  topic_permissions: ['user', 'vhost', 'exchange'],
  parameters: ['vhost', 'component', 'name'],
  global_parameters: ['name'],
  policies: ['vhost', 'name'],
  queues: ['vhost', 'name'],
  exchanges: ['vhost', 'name'],
  bindings: ['vhost', 'source', 'destination_type', 'destination', 'routing_key', 'arguments'],
};

/** Sections that carry who may log in and with which password hash. */
export const USER_SECTIONS = ['users', 'permissions', 'topic_permissions'] as const;

const HEADER = ['rabbit_version', 'rabbitmq_version', 'product_name', 'product_version'];

const sortValue = (v: unknown): string => (typeof v === 'string' ? v : stableJson(v));
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A broker's definitions as a file that diffs well: RabbitMQ's section order,
 * items sorted by their identity, object keys sorted, two-space indent. The
 * same broker state always gives the same bytes. Without users, the user
 * sections (and their password hashes) are left out entirely.
 */
export function normalizeDefinitions(doc: Record<string, unknown>, options: { includeUsers: boolean }): string {
  const out: Record<string, unknown> = {};
  for (const key of HEADER) if (doc[key] !== undefined) out[key] = doc[key];
  for (const section of SECTIONS) {
    const items = doc[section];
    if (items === undefined) continue;
    if (!options.includeUsers && (USER_SECTIONS as readonly string[]).includes(section)) continue;
    if (!Array.isArray(items)) {
      out[section] = items;
      continue;
    }
    const fields = ORDER[section];
    out[section] = [...items]
      .map((item) => sortKeys(item) as Record<string, unknown>)
      .sort((a, b) => {
        for (const f of fields) {
          const c = compare(sortValue(a[f] ?? ''), sortValue(b[f] ?? ''));
          if (c !== 0) return c;
        }
        return 0;
      });
  }
  // Anything a newer RabbitMQ adds is kept, after the known sections.
  for (const key of Object.keys(doc).sort()) {
    if (!(key in out) && !HEADER.includes(key) && !(SECTIONS as readonly string[]).includes(key)) out[key] = sortKeys(doc[key]);
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
