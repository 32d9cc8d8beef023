import type { Change } from './change.js';

/**
 * The order a change set is applied in, as indices into it: what others
 * depend on first (vhosts and global parameters, users, permissions and
 * topic permissions, policies and vhost parameters, then exchanges and
 * queues), bindings once both ends exist, and removals last, each after what
 * depends on it. Within a phase the caller's order stands.
 *
 * A delete followed by a declare of the same exchange or queue is an edit
 * the broker cannot make in place; the pair stays adjacent, delete first, at
 * the declare's place. Unbinds touching such an entity go before the pair,
 * while the binding still exists (the delete drops it). Other unbinds come
 * after the binds, so a binding edit that fails half-way leaves the old
 * binding, not none.
 */
export function dependencyOrder(changes: readonly Change[]): number[] {
  const recreated = new Set<string>();
  const declared = new Set(changes.flatMap((c) => (c.kind === 'declareExchange' || c.kind === 'declareQueue' ? [entityKey(c)] : [])));
  for (const c of changes) {
    if ((c.kind === 'deleteExchange' || c.kind === 'deleteQueue') && declared.has(entityKey(c))) recreated.add(entityKey(c));
  }
  const touchesRecreated = (c: Change): boolean =>
    c.kind === 'unbind' &&
    (recreated.has(`exchange ${c.vhost} ${c.source}`) || recreated.has(`${c.destinationType} ${c.vhost} ${c.destination}`));

  const phaseOf = (c: Change): number | null => {
    switch (c.kind) {
      case 'putVhost':
      case 'putGlobalParameter':
        return 0;
      case 'putUser':
        return 1;
      case 'putPermission':
      case 'putTopicPermission':
        return 2;
      case 'putPolicy':
      case 'putParameter':
        return 3;
      case 'unbind':
        return touchesRecreated(c) ? 4 : 8;
      case 'declareExchange':
        return 5;
      case 'declareQueue':
        return 6;
      case 'bind':
        return 7;
      case 'deleteQueue':
      case 'deleteExchange':
        // Placed with its declare instead.
        if (recreated.has(entityKey(c))) return null;
        return c.kind === 'deleteQueue' ? 9 : 10;
      case 'deletePolicy':
      case 'deleteParameter':
      case 'deleteGlobalParameter':
        return 11;
      case 'deletePermission':
      case 'deleteTopicPermission':
        return 12;
      case 'deleteUser':
        return 13;
      case 'deleteVhost':
        return 14;
    }
  };

  const deletesOf = new Map<string, number[]>();
  changes.forEach((c, i) => {
    if ((c.kind === 'deleteExchange' || c.kind === 'deleteQueue') && recreated.has(entityKey(c))) {
      deletesOf.set(entityKey(c), [...(deletesOf.get(entityKey(c)) ?? []), i]);
    }
  });

  const phases: number[][] = Array.from({ length: 15 }, () => []);
  changes.forEach((c, i) => {
    const phase = phaseOf(c);
    if (phase === null) return;
    if (c.kind === 'declareExchange' || c.kind === 'declareQueue') {
      phases[phase]?.push(...(deletesOf.get(entityKey(c)) ?? []));
      deletesOf.delete(entityKey(c));
    }
    phases[phase]?.push(i);
  });
  return phases.flat();
}

/** The same set, in dependency order. */
export function orderChanges(changes: readonly Change[]): Change[] {
  return dependencyOrder(changes).map((i) => changes[i] as Change);
}

function entityKey(c: { kind: string; vhost: string; name: string }): string {
  return `${c.kind.endsWith('Exchange') ? 'exchange' : 'queue'} ${c.vhost} ${c.name}`;
}
