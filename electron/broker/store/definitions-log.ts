// The definitions log: one JSON line per durable change since the last
// snapshot (definitions.json), appended and fdatasynced before the client's
// -ok. Replaying it over the snapshot gives the durable state; a torn last line
// (a crash mid-append, never acknowledged) is ignored. Each record carries only
// what changed, so a change costs the same however many definitions there are.
import { bindingIdentity } from '../../../shared/routing/index.js';
import type { AuthDefinitions } from '../auth/index.js';
import { decodeFieldTable, encodeFieldTable, type FieldTable } from '../protocol/field-table.js';
import type { RuntimeDefinitions } from './runtime-definitions.js';

export interface StoredExchange { vhost: string; name: string; type: string; auto_delete: boolean; internal: boolean; arguments: string }
export interface StoredQueue { vhost: string; name: string; auto_delete: boolean; arguments: string }
export interface StoredBinding { vhost: string; source: string; destination: string; destination_type: 'queue' | 'exchange'; routing_key: string; arguments: string }

export interface StoredDefinitions extends Required<AuthDefinitions>, RuntimeDefinitions {
  exchanges: StoredExchange[];
  queues: StoredQueue[];
  bindings: StoredBinding[];
}

export type DefinitionsRecord =
  | { op: 'exchange'; exchange: StoredExchange }
  | { op: 'exchange.deleted'; vhost: string; name: string }
  | { op: 'queue'; queue: StoredQueue }
  | { op: 'queue.deleted'; vhost: string; name: string }
  | { op: 'bound' | 'unbound'; binding: StoredBinding }
  /** The registry's whole export: vhosts, users, permissions (small, and changed rarely). */
  | { op: 'auth'; auth: Required<AuthDefinitions> }
  | { op: 'runtime'; runtime: RuntimeDefinitions };

export const tableOut = (t: FieldTable): string => encodeFieldTable(t).toString('base64');
export const tableIn = (s: string): FieldTable => decodeFieldTable(Buffer.from(s, 'base64'), 0)[0];

const named = (vhost: string, name: string) => `${vhost}\u0000${name}`;
/** As the routing table tells bindings apart: argument order does not matter. */
const bindingKey = (b: StoredBinding) => `${b.vhost}\u0000${bindingIdentity({
  source: b.source, destination: b.destination, destinationType: b.destination_type, routingKey: b.routing_key, arguments: tableIn(b.arguments),
})}`;

/** The snapshot with the records applied in order, as the broker's state was after the last of them. */
export function replay(snapshot: StoredDefinitions, records: readonly DefinitionsRecord[]): StoredDefinitions {
  if (records.length === 0) return snapshot;
  let auth: Required<AuthDefinitions> = { users: snapshot.users, vhosts: snapshot.vhosts, permissions: snapshot.permissions, topic_permissions: snapshot.topic_permissions };
  let runtime: RuntimeDefinitions = { policies: snapshot.policies, parameters: snapshot.parameters, global_parameters: snapshot.global_parameters };
  const exchanges = new Map(snapshot.exchanges.map((x) => [named(x.vhost, x.name), x]));
  const queues = new Map(snapshot.queues.map((q) => [named(q.vhost, q.name), q]));
  const bindings = new Map(snapshot.bindings.map((b) => [bindingKey(b), b]));
  const dropBindings = (which: (b: StoredBinding) => boolean) => {
    for (const [k, b] of bindings) if (which(b)) bindings.delete(k);
  };
  for (const r of records) {
    switch (r.op) {
      case 'exchange': exchanges.set(named(r.exchange.vhost, r.exchange.name), r.exchange); break;
      case 'exchange.deleted':
        exchanges.delete(named(r.vhost, r.name));
        dropBindings((b) => b.vhost === r.vhost && (b.source === r.name || (b.destination_type === 'exchange' && b.destination === r.name)));
        break;
      case 'queue': queues.set(named(r.queue.vhost, r.queue.name), r.queue); break;
      case 'queue.deleted':
        queues.delete(named(r.vhost, r.name));
        dropBindings((b) => b.vhost === r.vhost && b.destination_type === 'queue' && b.destination === r.name);
        break;
      case 'bound': bindings.set(bindingKey(r.binding), r.binding); break;
      case 'unbound': bindings.delete(bindingKey(r.binding)); break;
      case 'runtime': runtime = r.runtime; break;
      case 'auth': {
        auth = r.auth;
        // A deleted vhost takes everything in it along (the broker drops the whole vhost).
        const live = new Set(auth.vhosts.map((v) => v.name));
        for (const map of [exchanges, queues] as const) for (const [k, e] of map) if (!live.has(e.vhost)) map.delete(k);
        dropBindings((b) => !live.has(b.vhost));
        break;
      }
    }
  }
  return { ...auth, ...runtime, exchanges: [...exchanges.values()], queues: [...queues.values()], bindings: [...bindings.values()] };
}

/** The complete records in a log file's text; a torn (unterminated or unparsable) last line is left out. */
export function parseLog(text: string): DefinitionsRecord[] {
  const lines = text.split('\n');
  // The piece after the last newline is a record whose append did not finish.
  lines.pop();
  const out: DefinitionsRecord[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      out.push(JSON.parse(line) as DefinitionsRecord);
    } catch (err) {
      throw new Error(`line ${i + 1} is not a record (${(err as Error).message})`);
    }
  }
  return out;
}
