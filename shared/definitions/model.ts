import { z } from 'zod';
import type { RawDefinitions } from './schema.js';

/**
 * Definitions as comparable items: one per vhost, user, permission, policy,
 * exchange, queue, binding... each with a key that names it across brokers
 * and files, and the properties that matter when comparing it. Diffs, plans
 * and comparisons all work on this one shape.
 */
export const ENTITIES = ['vhost', 'user', 'permission', 'topicPermission', 'parameter', 'globalParameter', 'policy', 'exchange', 'queue', 'binding'] as const;
export const Entity = z.enum(ENTITIES);
export type Entity = z.infer<typeof Entity>;

export const ENTITY_LABELS: Record<Entity, [string, string]> = {
  vhost: ['vhost', 'Vhosts'],
  user: ['user', 'Users'],
  permission: ['permission', 'Permissions'],
  topicPermission: ['topic permission', 'Topic permissions'],
  parameter: ['parameter', 'Parameters'],
  globalParameter: ['global parameter', 'Global parameters'],
  policy: ['policy', 'Policies'],
  exchange: ['exchange', 'Exchanges'],
  queue: ['queue', 'Queues'],
  binding: ['binding', 'Bindings'],
};

export type Props = Record<string, unknown>;

export interface Item {
  entity: Entity;
  /** Unique per entity type: the vhost plus the name, or every identifying field of a binding or permission. */
  key: string;
  /** null for users, vhosts and global parameters, which live outside any vhost. */
  vhost: string | null;
  /** What a person calls it: "orders", "ops @ shop", "orders → orders.paid (order.paid.#)". */
  name: string;
  props: Props;
  /** Where it is in the file it was read from, e.g. $.queues[3]. */
  path: string;
}

export interface Model {
  /** 'vhost': a single-vhost export, whose items took the vhost they were read for. */
  form: 'broker' | 'vhost';
  items: Item[];
  /** The sections the file has: a sync only deletes within these. */
  sections: Set<Entity>;
}

/** JSON with object keys sorted at every level, so equal values always print the same. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

const tagList = (tags: string | string[] | undefined): string[] =>
  (typeof tags === 'string' ? tags.split(',') : (tags ?? [])).map((t) => t.trim()).filter((t) => t !== '').sort();

/** RabbitMQ's own key separator is never part of a name; NUL cannot be either. */
export const keyOf = (...parts: (string | null)[]): string => parts.map((p) => p ?? '').join('\u0000');

/** Queue type: arguments.x-queue-type first (3.x), then the 3.13+ "type" field, else classic. */
export function queueTypeOf(q: { type?: string | undefined; arguments?: Record<string, unknown> | undefined }): string {
  const arg = q.arguments?.['x-queue-type'];
  return typeof arg === 'string' ? arg : (q.type ?? 'classic');
}

/** Cluster identity differs on every broker: comparing it only ever shows noise. */
const IGNORED_GLOBALS = new Set(['internal_cluster_id']);

/**
 * Reads parsed definitions into items. `vhost` is the vhost a single-vhost
 * file stands for; its items' own vhost fields (policies keep one) are replaced.
 */
export function toModel(raw: RawDefinitions, form: 'broker' | 'vhost', vhost: string): Model {
  const items: Item[] = [];
  const sections = new Set<Entity>();
  const vh = (v: string | undefined): string => (form === 'vhost' ? vhost : (v ?? vhost));
  const mark = (entity: Entity, present: unknown) => {
    if (present !== undefined) sections.add(entity);
  };
  mark('vhost', raw.vhosts);
  mark('user', raw.users);
  mark('permission', raw.permissions);
  mark('topicPermission', raw.topic_permissions);
  mark('parameter', raw.parameters);
  mark('globalParameter', raw.global_parameters);
  mark('policy', raw.policies);
  mark('exchange', raw.exchanges);
  mark('queue', raw.queues);
  mark('binding', raw.bindings);

  for (const [i, v] of (raw.vhosts ?? []).entries()) {
    const path = `$.vhosts[${i}]`;
    const meta = v.metadata ?? v;
    items.push({ path, entity: 'vhost', key: keyOf(v.name), vhost: null, name: v.name, props: { description: meta.description ?? '', tags: tagList(meta.tags) } });
  }
  for (const [i, u] of (raw.users ?? []).entries()) {
    const path = `$.users[${i}]`;
    items.push({
      path, entity: 'user', key: keyOf(u.name), vhost: null, name: u.name,
      props: { password_hash: u.password_hash, hashing_algorithm: u.hashing_algorithm ?? 'rabbit_password_hashing_md5', tags: tagList(u.tags) },
    });
  }
  for (const [i, p] of (raw.permissions ?? []).entries()) {
    const path = `$.permissions[${i}]`;
    items.push({ path, entity: 'permission', key: keyOf(p.user, p.vhost), vhost: p.vhost, name: `${p.user} @ ${p.vhost}`, props: { configure: p.configure, write: p.write, read: p.read } });
  }
  for (const [i, p] of (raw.topic_permissions ?? []).entries()) {
    const path = `$.topic_permissions[${i}]`;
    items.push({
      path, entity: 'topicPermission', key: keyOf(p.user, p.vhost, p.exchange), vhost: p.vhost, name: `${p.user} @ ${p.vhost} on ${p.exchange}`,
      props: { write: p.write, read: p.read },
    });
  }
  for (const [i, p] of (raw.parameters ?? []).entries()) {
    const path = `$.parameters[${i}]`;
    const v = vh(p.vhost);
    items.push({ path, entity: 'parameter', key: keyOf(v, p.component, p.name), vhost: v, name: `${p.component}/${p.name}`, props: { value: p.value } });
  }
  for (const [i, g] of (raw.global_parameters ?? []).entries()) {
    const path = `$.global_parameters[${i}]`;
    if (IGNORED_GLOBALS.has(g.name)) continue;
    items.push({ path, entity: 'globalParameter', key: keyOf(g.name), vhost: null, name: g.name, props: { value: g.value } });
  }
  for (const [i, p] of (raw.policies ?? []).entries()) {
    const path = `$.policies[${i}]`;
    const v = vh(p.vhost);
    items.push({
      path, entity: 'policy', key: keyOf(v, p.name), vhost: v, name: p.name,
      props: { pattern: p.pattern, 'apply-to': p['apply-to'] ?? 'all', priority: p.priority ?? 0, definition: p.definition },
    });
  }
  for (const [i, x] of (raw.exchanges ?? []).entries()) {
    const path = `$.exchanges[${i}]`;
    const v = vh(x.vhost);
    items.push({
      path, entity: 'exchange', key: keyOf(v, x.name), vhost: v, name: x.name,
      props: { type: x.type, durable: x.durable, auto_delete: x.auto_delete, internal: x.internal ?? false, arguments: x.arguments ?? {} },
    });
  }
  for (const [i, q] of (raw.queues ?? []).entries()) {
    const path = `$.queues[${i}]`;
    const v = vh(q.vhost);
    const { 'x-queue-type': _type, ...rest } = q.arguments ?? {};
    items.push({
      path, entity: 'queue', key: keyOf(v, q.name), vhost: v, name: q.name,
      props: { type: queueTypeOf(q), durable: q.durable, auto_delete: q.auto_delete, arguments: rest },
    });
  }
  for (const [i, b] of (raw.bindings ?? []).entries()) {
    const path = `$.bindings[${i}]`;
    const v = vh(b.vhost);
    const a = b.arguments ?? {};
    items.push({
      path, entity: 'binding', key: keyOf(v, b.source, b.destination_type, b.destination, b.routing_key, stableJson(a)), vhost: v,
      name: `${b.source === '' ? '(default)' : b.source} → ${b.destination_type === 'exchange' ? 'exchange ' : ''}${b.destination}${b.routing_key === '' ? '' : ` (${b.routing_key})`}`,
      props: { source: b.source, destination: b.destination, destination_type: b.destination_type, routing_key: b.routing_key, arguments: a },
    });
  }
  return { form, items, sections };
}
