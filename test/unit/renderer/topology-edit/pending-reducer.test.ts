import { describe, expect, it } from 'vitest';
import { changeSet, entityKey, type BindChange, type QueueDeclare } from '../../../../renderer/views/topology/edit/pending-edits.js';
import { diffRows, messagesDestroyed } from '../../../../renderer/views/topology/edit/pending-diff.js';
import { emptyPending, pendingReducer, type PendingAction, type PendingState } from '../../../../renderer/views/topology/edit/pending-reducer.js';

const v = '/';
const queue = (name: string, over: Partial<QueueDeclare> = {}): QueueDeclare => ({ kind: 'declareQueue', vhost: v, name, durable: true, autoDelete: false, arguments: {}, ...over });
const bind = (source: string, destination: string, routingKey: string): BindChange => ({ kind: 'bind', vhost: v, source, destination, destinationType: 'queue', routingKey, arguments: {} });
const run = (...actions: PendingAction[]): PendingState => actions.reduce(pendingReducer, emptyPending());
const addQueue = (name: string): PendingAction => ({ type: 'declare', change: queue(name), existing: null, messages: 0, bindings: [] });

describe('pending change set', () => {
  it('collects additions in the order made, and a new declaration of the same name replaces the pending one', () => {
    const state = run(addQueue('a'), addQueue('b'), { type: 'declare', change: queue('a', { durable: false }), existing: null, messages: 0, bindings: [] });
    expect(state.edits.map((e) => e.op === 'add' && e.change.kind === 'declareQueue' && `${e.change.name}:${e.change.durable}`)).toEqual(['a:false', 'b:true']);
  });

  it('undoes and redoes every step, and a new step after an undo forgets the redo', () => {
    let s = run(addQueue('a'), addQueue('b'));
    s = pendingReducer(s, { type: 'undo' });
    expect(s.edits).toHaveLength(1);
    s = pendingReducer(s, { type: 'undo' });
    expect(s.edits).toHaveLength(0);
    expect(pendingReducer(s, { type: 'undo' })).toBe(s);
    s = pendingReducer(s, { type: 'redo' });
    expect(s.edits).toHaveLength(1);
    s = pendingReducer(s, addQueue('c'));
    expect(s.future).toEqual([]);
    expect(pendingReducer(s, { type: 'redo' })).toBe(s);
    s = pendingReducer(s, { type: 'discard' });
    expect(s.edits).toEqual([]);
    expect(pendingReducer(s, { type: 'undo' }).edits).toHaveLength(2);
  });

  it('removing what is only pending cancels it, with the pending bindings that touch it', () => {
    const s = run(addQueue('a'), { type: 'bind', change: bind('x', 'a', 'k'), exists: false }, { type: 'bind', change: bind('x', 'b', 'k'), exists: false }, {
      type: 'remove',
      change: { kind: 'deleteQueue', vhost: v, name: 'a' },
      exists: false,
      bindingsLost: 0,
    });
    expect(changeSet(s.edits).changes).toEqual([bind('x', 'b', 'k')]);
  });

  it('declaring what exists unchanged is no edit; drawing again a binding the set removes takes the removal back', () => {
    const existing = queue('q');
    expect(run({ type: 'declare', change: queue('q'), existing, messages: 3, bindings: [] }).edits).toEqual([]);
    const unbind = { ...bind('x', 'q', 'k'), kind: 'unbind' as const };
    const s = run({ type: 'remove', change: unbind, exists: true, bindingsLost: 0 }, { type: 'bind', change: bind('x', 'q', 'k'), exists: true });
    expect(s.edits).toEqual([]);
    expect(s.past).toHaveLength(2);
  });

  it('changes a queue the broker cannot change in place as delete + declare + its bindings again, destroying its messages', () => {
    const existing = queue('orders');
    const kept = bind('x', 'orders', 'keep');
    const dropped = bind('x', 'orders', 'drop');
    const s = run(
      { type: 'declare', change: queue('orders', { durable: false, arguments: { 'x-max-length': 5 } }), existing, messages: 12, bindings: [kept, dropped] },
      { type: 'remove', change: { ...dropped, kind: 'unbind' }, exists: true, bindingsLost: 0 },
    );
    const { changes, owner } = changeSet(s.edits);
    expect(changes.map((c) => c.kind)).toEqual(['deleteQueue', 'declareQueue', 'bind', 'unbind']);
    expect(changes[0]).toMatchObject({ messages: 12 });
    expect(owner).toEqual([0, 0, 0, 1]);
    const [row] = diffRows(s.edits);
    expect(row).toMatchObject({ badge: 'changed', title: 'orders', destroys: 'Destroys 12 messages' });
    expect(row?.details).toEqual(['durable: true → false', 'x-max-length: — → 5']);
    expect(row?.warning).toMatch(/cannot change a queue in place: it is deleted and declared again, with its 2 bindings/);
    expect(messagesDestroyed(s.edits)).toBe(12);
  });

  it('removing an existing queue says what it destroys, and replaces a pending change of it', () => {
    const s = run(
      { type: 'declare', change: queue('q', { durable: false }), existing: queue('q'), messages: 4, bindings: [] },
      { type: 'remove', change: { kind: 'deleteQueue', vhost: v, name: 'q', messages: 4 }, exists: true, bindingsLost: 2 },
    );
    expect(s.edits.map((e) => e.op)).toEqual(['remove']);
    expect(diffRows(s.edits)[0]).toMatchObject({ badge: 'removed', what: 'Queue', destroys: 'Destroys 4 messages', warning: 'Its 2 bindings go with it.' });
  });

  it('drops applied lines after an apply, keeping the rest (after a refusal) and no history', () => {
    const s = pendingReducer(run(addQueue('a'), addQueue('b')), { type: 'applied', keys: [entityKey(queue('a'))] });
    expect(s.edits.map((e) => e.key)).toEqual([entityKey(queue('b'))]);
    expect(s.past).toEqual([]);
  });
});
