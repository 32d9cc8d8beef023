import { z } from 'zod';
import {
  ChannelRow,
  ConnectionRow,
  ConsumerRow,
  ExchangeRow,
  INVENTORY_COLLECTIONS,
  type Inventory,
  type InventoryCollection,
  OverviewModel,
  QueueRow,
  VhostRow,
} from '../model/inventory.js';

const change = <T extends z.ZodTypeAny>(row: T) =>
  z.object({ upsert: z.array(row), remove: z.array(z.string()) }).optional();

/**
 * A compact update of the inventory: only rows that changed or vanished.
 * `full` replaces everything (first sample after connecting, or after a gap).
 */
export const InventoryDelta = z.object({
  seq: z.number().int().nonnegative(),
  full: z.boolean(),
  at: z.number(),
  /** Present when the overview changed; null clears it. */
  overview: OverviewModel.nullable().optional(),
  vhosts: change(VhostRow),
  queues: change(QueueRow),
  exchanges: change(ExchangeRow),
  connections: change(ConnectionRow),
  channels: change(ChannelRow),
  consumers: change(ConsumerRow),
});
export type InventoryDelta = z.infer<typeof InventoryDelta>;

type Row = { key: string };

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field comparison; nested values (arguments, badges) compared structurally. */
export function sameRow(a: object, b: object): boolean {
  const ar = a as Record<string, unknown>;
  const br = b as Record<string, unknown>;
  const keys = Object.keys(ar);
  if (keys.length !== Object.keys(br).length) return false;
  for (const k of keys) if (!sameValue(ar[k], br[k])) return false;
  return true;
}

export function diffRows<R extends Row>(prev: readonly R[], next: readonly R[]): { upsert: R[]; remove: string[] } {
  const before = new Map<string, R>();
  for (const row of prev) before.set(row.key, row);
  const upsert: R[] = [];
  for (const row of next) {
    const old = before.get(row.key);
    if (old === undefined || !sameRow(old, row)) upsert.push(row);
    before.delete(row.key);
  }
  return { upsert, remove: [...before.keys()] };
}

/** What changed from `prev` to `next`; null `prev` gives a full update. */
export function computeInventoryDelta(prev: Inventory | null, next: Inventory, seq: number, at: number): InventoryDelta {
  if (prev === null) {
    return {
      seq,
      full: true,
      at,
      overview: next.overview,
      vhosts: { upsert: next.vhosts, remove: [] },
      queues: { upsert: next.queues, remove: [] },
      exchanges: { upsert: next.exchanges, remove: [] },
      connections: { upsert: next.connections, remove: [] },
      channels: { upsert: next.channels, remove: [] },
      consumers: { upsert: next.consumers, remove: [] },
    };
  }
  const delta: InventoryDelta = { seq, full: false, at };
  if (!sameValue(prev.overview, next.overview)) delta.overview = next.overview;
  for (const name of INVENTORY_COLLECTIONS) {
    const d = diffRows<Row>(prev[name], next[name]);
    if (d.upsert.length > 0 || d.remove.length > 0) setCollection(delta, name, d);
  }
  return delta;
}

function setCollection(delta: InventoryDelta, name: InventoryCollection, d: { upsert: Row[]; remove: string[] }): void {
  (delta as Record<InventoryCollection, unknown>)[name] = d;
}

function applyRows<R extends Row>(rows: readonly R[], change: { upsert: R[]; remove: string[] } | undefined): R[] {
  if (change === undefined) return rows as R[];
  const removed = new Set(change.remove);
  const updates = new Map<string, R>();
  for (const row of change.upsert) updates.set(row.key, row);
  const out: R[] = [];
  for (const row of rows) {
    if (removed.has(row.key)) continue;
    const updated = updates.get(row.key);
    if (updated !== undefined) {
      out.push(updated);
      updates.delete(row.key);
    } else {
      out.push(row);
    }
  }
  for (const row of updates.values()) out.push(row);
  return out;
}

/** Applies a delta; keeps row order stable so tables do not jump. Returns a new object. */
export function applyInventoryDelta(state: Inventory, delta: InventoryDelta): Inventory {
  if (delta.full) {
    return {
      overview: delta.overview ?? null,
      vhosts: delta.vhosts?.upsert ?? [],
      queues: delta.queues?.upsert ?? [],
      exchanges: delta.exchanges?.upsert ?? [],
      connections: delta.connections?.upsert ?? [],
      channels: delta.channels?.upsert ?? [],
      consumers: delta.consumers?.upsert ?? [],
    };
  }
  return {
    overview: delta.overview === undefined ? state.overview : delta.overview,
    vhosts: applyRows(state.vhosts, delta.vhosts),
    queues: applyRows(state.queues, delta.queues),
    exchanges: applyRows(state.exchanges, delta.exchanges),
    connections: applyRows(state.connections, delta.connections),
    channels: applyRows(state.channels, delta.channels),
    consumers: applyRows(state.consumers, delta.consumers),
  };
}
