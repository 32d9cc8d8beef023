import { z } from 'zod';
import type { Change } from '../topology/change.js';
import { type DiffEntry, diffModels } from './diff.js';
import { Entity, type Model, keyOf } from './model.js';
import type { Problem } from './problems.js';

/** What one change of a plan does, for people: parallel to the plan's Change[]. */
export const PlanStep = z.object({
  action: z.enum(['create', 'update', 'delete', 'recreate-delete', 'recreate-create']),
  entity: Entity,
  vhost: z.string().nullable(),
  name: z.string(),
  /** For updates and recreations: the properties that differ. */
  fields: z.array(z.string()),
  /** Messages this change destroys (deleting or recreating a queue that holds some). */
  messages: z.number().int().min(0).nullable(),
});
export type PlanStep = z.infer<typeof PlanStep>;

/** One deletion a sync would make, for its confirmation. */
export const Deletion = z.object({ entity: Entity, vhost: z.string().nullable(), name: z.string(), messages: z.number().int().min(0).nullable() });
export type Deletion = z.infer<typeof Deletion>;

export interface Plan {
  changes: Change[];
  steps: PlanStep[];
  deletions: Deletion[];
  /** What the plan leaves out, and why. */
  notes: Problem[];
}

export interface PlanOptions {
  /** Also delete what the broker has and the file lacks (within the sections the file has). */
  sync: boolean;
  /** Messages per queue on the broker, by keyOf(vhost, name). */
  messages?: ReadonlyMap<string, number>;
  /** Users a sync never deletes, nor their permissions: the one Warren is connected as. */
  protectedUsers?: readonly string[];
}

/** Creates in dependency order; deletes go the other way. */
const CREATE_ORDER: Entity[] = ['globalParameter', 'vhost', 'user', 'permission', 'topicPermission', 'policy', 'parameter', 'exchange', 'queue', 'binding'];
/** RabbitMQ cannot change these in place: a different one is deleted and declared again. */
const RECREATED: ReadonlySet<Entity> = new Set(['exchange', 'queue']);
/**
 * Global parameters the broker sets for itself: the node's cluster name
 * differs from broker to broker, and another broker's is no setting to copy.
 * Compared and shown, never planned.
 */
const OWN_GLOBALS: ReadonlySet<string> = new Set(['cluster_name']);

/**
 * Turns "make the broker look like the file" into ordered changes: first the
 * deletions that recreations need, then creates and updates from vhosts down
 * to bindings, then (sync only) deletions from bindings up to vhosts.
 */
export function planImport(file: Model, broker: Model, options: PlanOptions): Plan & { diff: DiffEntry[] } {
  const diff = diffModels(broker, file);
  const messages = (e: DiffEntry) => (e.entity === 'queue' ? (options.messages?.get(e.key) ?? null) : null);
  const protectedUsers = new Set(options.protectedUsers ?? []);
  const changes: Change[] = [];
  const steps: PlanStep[] = [];
  const deletions: Deletion[] = [];
  const notes: Problem[] = [];
  const push = (change: Change, step: Omit<PlanStep, 'messages'> & { messages?: number | null }) => {
    changes.push(change);
    steps.push({ ...step, messages: step.messages ?? null });
  };

  const recreated = diff.filter((e) => e.status === 'changed' && RECREATED.has(e.entity));
  const recreatedKeys = new Set(recreated.map((e) => keyOf(e.entity, e.key)));
  for (const e of [...recreated].sort((a, b) => CREATE_ORDER.indexOf(b.entity) - CREATE_ORDER.indexOf(a.entity))) {
    push(deleteChange(e, messages(e)), { action: 'recreate-delete', entity: e.entity, vhost: e.vhost, name: e.name, fields: e.fields, messages: messages(e) });
  }

  const ownGlobal = (e: DiffEntry) => e.entity === 'globalParameter' && OWN_GLOBALS.has(e.name);
  for (const e of diff) {
    if (ownGlobal(e) && (e.status === 'added' || e.status === 'changed' || (e.status === 'removed' && options.sync && file.sections.has(e.entity)))) {
      notes.push({ path: '$.global_parameters', message: `global parameter '${e.name}' is not applied: the broker sets it for itself`, severity: 'warning' });
    }
  }

  for (const entity of CREATE_ORDER) {
    for (const e of diff) {
      if (e.entity !== entity || ownGlobal(e)) continue;
      // A binding to a recreated queue or exchange went with it, so it is declared again.
      const lost = e.entity === 'binding' && e.status === 'same' && bindingTouches(e, recreatedKeys);
      if (e.status === 'added' || lost) push(createChange(e), { action: 'create', entity, vhost: e.vhost, name: e.name, fields: [] });
      else if (e.status === 'changed') {
        push(createChange(e), { action: RECREATED.has(entity) ? 'recreate-create' : 'update', entity, vhost: e.vhost, name: e.name, fields: e.fields });
      }
    }
  }

  for (const user of protectedUsers) {
    if (changes.some((c) => c.kind === 'putUser' && c.name === user)) {
      notes.push({ path: '$.users', message: `changes the user Warren is connected as ('${user}'): with another password in the file, Warren loses access after the import`, severity: 'warning' });
    }
  }

  if (options.sync) {
    // Bindings of a deleted queue or exchange go with it: listing them apart would only lengthen the confirmation.
    const goingAway = new Set([...recreatedKeys, ...diff.filter((e) => e.status === 'removed' && RECREATED.has(e.entity) && file.sections.has(e.entity)).map((e) => keyOf(e.entity, e.key))]);
    for (const entity of [...CREATE_ORDER].reverse()) {
      for (const e of diff) {
        if (e.entity !== entity || e.status !== 'removed' || !file.sections.has(entity) || ownGlobal(e)) continue;
        if (entity === 'binding' && bindingTouches(e, goingAway)) continue;
        const user = entity === 'user' ? e.name : entity === 'permission' ? e.key.split('\u0000')[0]! : null;
        if (user !== null && protectedUsers.has(user)) {
          notes.push({ path: '$', message: `sync keeps ${entity} '${e.name}': Warren is connected as '${user}'`, severity: 'warning' });
          continue;
        }
        push(deleteChange(e, messages(e)), { action: 'delete', entity, vhost: e.vhost, name: e.name, fields: [], messages: messages(e) });
        deletions.push({ entity, vhost: e.vhost, name: e.name, messages: messages(e) });
      }
    }
  }
  return { changes, steps, deletions, notes, diff };
}

function bindingTouches(e: DiffEntry, recreated: ReadonlySet<string>): boolean {
  const p = (e.after ?? e.before)!;
  const v = e.vhost!;
  return recreated.has(keyOf('exchange', keyOf(v, p.source as string)))
    || recreated.has(keyOf(p.destination_type === 'queue' ? 'queue' : 'exchange', keyOf(v, p.destination as string)));
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});

function createChange(e: DiffEntry): Change {
  const p = e.after!;
  const [first, second, third] = e.key.split('\u0000');
  switch (e.entity) {
    case 'vhost':
      return { kind: 'putVhost', name: e.name, description: p.description as string, tags: p.tags as string[] };
    case 'user':
      return { kind: 'putUser', name: e.name, passwordHash: p.password_hash as string, hashingAlgorithm: p.hashing_algorithm as string, tags: p.tags as string[] };
    case 'permission':
      return { kind: 'putPermission', user: first!, vhost: second!, configure: p.configure as string, write: p.write as string, read: p.read as string };
    case 'topicPermission':
      return { kind: 'putTopicPermission', user: first!, vhost: second!, exchange: third!, write: p.write as string, read: p.read as string };
    case 'parameter':
      return { kind: 'putParameter', component: second!, vhost: first!, name: third!, value: p.value };
    case 'globalParameter':
      return { kind: 'putGlobalParameter', name: e.name, value: p.value };
    case 'policy':
      return {
        kind: 'putPolicy', vhost: e.vhost!, name: e.name, pattern: p.pattern as string,
        applyTo: p['apply-to'] as Extract<Change, { kind: 'putPolicy' }>['applyTo'], priority: p.priority as number, definition: obj(p.definition),
      };
    case 'exchange':
      return {
        kind: 'declareExchange', vhost: e.vhost!, name: e.name, type: p.type as string,
        durable: p.durable as boolean, autoDelete: p.auto_delete as boolean, internal: p.internal as boolean, arguments: obj(p.arguments),
      };
    case 'queue': {
      const args = p.type === 'classic' ? obj(p.arguments) : { ...obj(p.arguments), 'x-queue-type': p.type };
      return { kind: 'declareQueue', vhost: e.vhost!, name: e.name, durable: p.durable as boolean, autoDelete: p.auto_delete as boolean, arguments: args };
    }
    case 'binding':
      return { kind: 'bind', ...bindingFields(e.vhost!, p) };
    default:
      throw new Error(`no change declares a ${e.entity}`);
  }
}

function deleteChange(e: DiffEntry, messages: number | null): Change {
  const p = e.before!;
  const [first, second, third] = e.key.split('\u0000');
  switch (e.entity) {
    case 'vhost':
      return { kind: 'deleteVhost', name: e.name };
    case 'user':
      return { kind: 'deleteUser', name: e.name };
    case 'permission':
      return { kind: 'deletePermission', user: first!, vhost: second! };
    case 'topicPermission':
      return { kind: 'deleteTopicPermission', user: first!, vhost: second!, exchange: third! };
    case 'parameter':
      return { kind: 'deleteParameter', component: second!, vhost: first!, name: third! };
    case 'globalParameter':
      return { kind: 'deleteGlobalParameter', name: e.name };
    case 'policy':
      return { kind: 'deletePolicy', vhost: e.vhost!, name: e.name };
    case 'exchange':
      return { kind: 'deleteExchange', vhost: e.vhost!, name: e.name };
    case 'queue':
      return { kind: 'deleteQueue', vhost: e.vhost!, name: e.name, ...(messages !== null ? { messages } : {}) };
    case 'binding':
      return { kind: 'unbind', ...bindingFields(e.vhost!, p) };
    default:
      throw new Error(`no change deletes a ${e.entity}`);
  }
}

function bindingFields(vhost: string, p: Json) {
  return {
    vhost,
    source: p.source as string,
    destination: p.destination as string,
    destinationType: p.destination_type as 'queue' | 'exchange',
    routingKey: p.routing_key as string,
    arguments: obj(p.arguments),
  };
}
