import type { HistoryState } from './history-store.js';
import type { Chunk } from './tier.js';

/**
 * Drops the scopes no chunk mentions any more (queues deleted longer ago
 * than the retention, RPC reply queues by the thousand) and numbers the rest
 * 0..n-1 again, in the same order, so chunk id lists stay sorted. Done when a
 * saved history is loaded: the per-scope arrays of a run then start at the
 * size of what is really kept.
 */
export function compactState(state: HistoryState): HistoryState {
  const live = new Uint8Array(state.keys.length);
  const chunks = [...state.full, ...state.minutes];
  for (const c of chunks) for (const id of c.ids) live[id] = 1;
  const renumber = new Int32Array(state.keys.length).fill(-1);
  const keys: string[] = [];
  for (let id = 0; id < state.keys.length; id++) {
    if (live[id] === 0) continue;
    renumber[id] = keys.length;
    keys.push(state.keys[id] as string);
  }
  if (keys.length === state.keys.length) return state;
  const remap = (c: Chunk): Chunk => ({ ...c, ids: c.ids.map((id) => renumber[id] as number) });
  return { ...state, keys, full: state.full.map(remap), minutes: state.minutes.map(remap) };
}
