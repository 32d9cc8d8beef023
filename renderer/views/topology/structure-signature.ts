import { stableJson } from '../../../shared/definitions/model.js';
import type { Inventory } from '../../../shared/model/inventory.js';

/**
 * A fingerprint of one vhost's structure as the sampler sees it: exchanges
 * and queues with their type, flags, arguments and policy, and each
 * exchange's binding counts. When it changes, the graph's snapshot is stale
 * (a queue deleted and declared again with other arguments changes it too);
 * counts and rates changing leave it alone.
 */
export function structureSignature(inventory: Pick<Inventory, 'exchanges' | 'queues'>, vhost: string): string {
  let hash = 0x811c9dc5;
  let parts = 0;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    parts += 1;
  };
  const exchanges = inventory.exchanges
    .filter((e) => e.vhost === vhost)
    .map((e) => ['e', e.name, e.bindingsOut, e.bindingsIn, e.type, e.durable, e.autoDelete, e.internal, stableJson(e.arguments)].join('\u0000'));
  const queues = inventory.queues
    .filter((q) => q.vhost === vhost)
    .map((q) => ['q', q.name, q.type, q.durable, q.autoDelete, q.exclusive, q.policy, stableJson(q.arguments)].join('\u0000'));
  for (const part of [...exchanges.sort(), ...queues.sort()]) add(`${part}\u0001`);
  return `${parts}:${(hash >>> 0).toString(36)}`;
}

let last: { exchanges: unknown; queues: unknown; vhost: string; signature: string } | null = null;

/** structureSignature, computed once per inventory update: every store change asks for it. */
export function cachedStructureSignature(inventory: Pick<Inventory, 'exchanges' | 'queues'>, vhost: string): string {
  if (last && last.exchanges === inventory.exchanges && last.queues === inventory.queues && last.vhost === vhost) return last.signature;
  const signature = structureSignature(inventory, vhost);
  last = { exchanges: inventory.exchanges, queues: inventory.queues, vhost, signature };
  return signature;
}
