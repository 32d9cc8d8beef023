import { z } from 'zod';
import { ENTITIES, Entity, type Item, type Model, stableJson } from './model.js';

/** How one item differs between a "before" and an "after" (in a comparison: left and right). */
export const DiffStatus = z.enum(['added', 'removed', 'changed', 'same']);
export type DiffStatus = z.infer<typeof DiffStatus>;

export const DiffEntry = z.object({
  entity: Entity,
  key: z.string(),
  vhost: z.string().nullable(),
  name: z.string(),
  status: DiffStatus,
  /** For 'changed': the properties that differ. */
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;

const entityRank = (e: Entity): number => ENTITIES.indexOf(e);

/**
 * Every item of either side, with what happened to it from `before` to
 * `after`, ordered by entity type, vhost and name. Items are matched by key,
 * properties compared as values (key order and tag order do not count).
 */
export function diffModels(before: Model, after: Model): DiffEntry[] {
  const index = (m: Model) => new Map(m.items.map((i) => [`${i.entity}\u0001${i.key}`, i] as const));
  const b = index(before);
  const a = index(after);
  const out: DiffEntry[] = [];
  for (const [id, was] of b) {
    const now = a.get(id);
    if (!now) out.push(entry(was, 'removed', [], was.props, null));
    else {
      const fields = changedFields(was.props, now.props);
      out.push(entry(now, fields.length > 0 ? 'changed' : 'same', fields, was.props, now.props));
    }
  }
  for (const [id, now] of a) if (!b.has(id)) out.push(entry(now, 'added', [], null, now.props));
  return out.sort(
    (x, y) => entityRank(x.entity) - entityRank(y.entity) || cmp(x.vhost ?? '', y.vhost ?? '') || cmp(x.name, y.name) || cmp(x.key, y.key),
  );
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => stableJson(before[k]) !== stableJson(after[k]));
}

function entry(item: Item, status: DiffStatus, fields: string[], before: Item['props'] | null, after: Item['props'] | null): DiffEntry {
  return { entity: item.entity, key: item.key, vhost: item.vhost, name: item.name, status, fields, before, after };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
