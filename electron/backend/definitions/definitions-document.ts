import type { Change } from '../../../shared/topology/change.js';

type Json = Record<string, unknown>;
type Section = 'vhosts' | 'users' | 'permissions' | 'policies' | 'exchanges' | 'queues' | 'bindings';

/** The creates and updates of a plan as one definitions document, and which change each of its items came from. */
export interface ChangesDocument {
  doc: Record<Section, Json[]>;
  /** origin[section][i] = the index of the change that became doc[section][i]. */
  origin: Record<Section, number[]>;
}

/** Changes that a definitions import can carry; deletions cannot. */
export const isImportable = (c: Change): boolean =>
  ['putVhost', 'putUser', 'putPermission', 'putPolicy', 'declareExchange', 'declareQueue', 'bind'].includes(c.kind);

export function changesDocument(changes: readonly Change[], indices: readonly number[]): ChangesDocument {
  const doc: ChangesDocument['doc'] = { vhosts: [], users: [], permissions: [], policies: [], exchanges: [], queues: [], bindings: [] };
  const origin: ChangesDocument['origin'] = { vhosts: [], users: [], permissions: [], policies: [], exchanges: [], queues: [], bindings: [] };
  const add = (section: Section, index: number, item: Json) => {
    doc[section].push(item);
    origin[section].push(index);
  };
  for (const index of indices) {
    const c = changes[index]!;
    switch (c.kind) {
      case 'putVhost':
        add('vhosts', index, { name: c.name, description: c.description ?? '', tags: c.tags ?? [] });
        break;
      case 'putUser':
        add('users', index, { name: c.name, password_hash: c.passwordHash, ...(c.hashingAlgorithm ? { hashing_algorithm: c.hashingAlgorithm } : {}), tags: c.tags });
        break;
      case 'putPermission':
        add('permissions', index, { user: c.user, vhost: c.vhost, configure: c.configure, write: c.write, read: c.read });
        break;
      case 'putPolicy':
        add('policies', index, { vhost: c.vhost, name: c.name, pattern: c.pattern, 'apply-to': c.applyTo, priority: c.priority, definition: c.definition });
        break;
      case 'declareExchange':
        add('exchanges', index, { vhost: c.vhost, name: c.name, type: c.type, durable: c.durable, auto_delete: c.autoDelete, internal: c.internal, arguments: c.arguments });
        break;
      case 'declareQueue':
        add('queues', index, { vhost: c.vhost, name: c.name, durable: c.durable, auto_delete: c.autoDelete, arguments: c.arguments });
        break;
      case 'bind':
        add('bindings', index, {
          vhost: c.vhost, source: c.source, destination: c.destination, destination_type: c.destinationType, routing_key: c.routingKey, arguments: c.arguments,
        });
        break;
      default:
        throw new Error(`${c.kind} cannot be part of a definitions import`);
    }
  }
  return { doc, origin };
}

/**
 * The broker's refusal of a document, spread over the changes it came from:
 * the embedded broker lists each problem as "$.queues[3]...: message".
 */
export function refusalByChange(reason: string, origin: ChangesDocument['origin']): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of reason.split('\n')) {
    const m = /^\$\.(\w+)\[(\d+)\][^:]*: (.*)$/.exec(line.trim());
    if (!m) continue;
    const index = origin[m[1] as Section]?.[Number(m[2])];
    if (index === undefined) continue;
    out.set(index, out.has(index) ? `${out.get(index)}; ${m[3]}` : m[3]!);
  }
  return out;
}
