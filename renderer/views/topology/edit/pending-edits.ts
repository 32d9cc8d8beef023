import type { z } from 'zod';
import type { Bind, Change, DeclareExchange, DeclareQueue, DeleteExchange, DeleteQueue, Unbind } from '../../../../shared/topology/change.js';
import { bindingEdgeId } from '../../../../shared/topology/ids.js';

export type ExchangeDeclare = z.infer<typeof DeclareExchange>;
export type QueueDeclare = z.infer<typeof DeclareQueue>;
export type EntityDeclare = ExchangeDeclare | QueueDeclare;
export type EntityDelete = z.infer<typeof DeleteExchange> | z.infer<typeof DeleteQueue>;
export type BindChange = z.infer<typeof Bind>;
export type UnbindChange = z.infer<typeof Unbind>;

/**
 * One line of the pending change set, as the user thinks of it: something
 * added, removed, or changed. A change of an exchange or queue is a delete
 * and a declare (the broker changes neither in place) followed by the
 * bindings the delete drops, declared again.
 */
export type Edit =
  | { op: 'add'; key: string; change: EntityDeclare | BindChange }
  | { op: 'remove'; key: string; change: EntityDelete | UnbindChange; bindingsLost: number }
  | { op: 'change'; key: string; before: EntityDeclare; after: EntityDeclare; messages: number; rebinds: BindChange[] };

const SEP = '\u0000';

export const entityKey = (e: { kind: string; vhost: string; name: string }): string =>
  `${e.kind.endsWith('Exchange') ? 'exchange' : 'queue'}${SEP}${e.vhost}${SEP}${e.name}`;

export const bindingKey = (b: Omit<BindChange, 'kind'> | Omit<UnbindChange, 'kind'>): string =>
  `binding${SEP}${b.vhost}${SEP}${bindingEdgeId(b)}`;

export const keyOf = (change: EntityDeclare | EntityDelete | BindChange | UnbindChange): string =>
  change.kind === 'bind' || change.kind === 'unbind' ? bindingKey(change) : entityKey(change);

/** Does this binding start or end at the exchange or queue `key` names? */
export function bindingTouches(b: BindChange | UnbindChange, key: string): boolean {
  return entityKey({ kind: 'exchange', vhost: b.vhost, name: b.source }) === key || entityKey({ kind: b.destinationType, vhost: b.vhost, name: b.destination }) === key;
}

/** The vhost an edit acts in. */
export const vhostOf = (edit: Edit): string => (edit.op === 'change' ? edit.after.vhost : edit.change.vhost);

/**
 * The change set to send, and which edit each change belongs to (so outcomes
 * come back to the lines the user sees). A recreation re-declares only the
 * bindings the user has not removed meanwhile.
 */
export function changeSet(edits: readonly Edit[]): { changes: Change[]; owner: number[] } {
  const removed = new Set(edits.filter((e) => e.op === 'remove').map((e) => e.key));
  const changes: Change[] = [];
  const owner: number[] = [];
  edits.forEach((edit, i) => {
    const own = (c: Change) => {
      changes.push(c);
      owner.push(i);
    };
    if (edit.op !== 'change') return own(edit.change);
    own(edit.before.kind === 'declareQueue'
      ? { kind: 'deleteQueue', vhost: edit.before.vhost, name: edit.before.name, messages: edit.messages }
      : { kind: 'deleteExchange', vhost: edit.before.vhost, name: edit.before.name });
    own(edit.after);
    for (const b of edit.rebinds) if (!removed.has(bindingKey(b))) own(b);
  });
  return { changes, owner };
}
