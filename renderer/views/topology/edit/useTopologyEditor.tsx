import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { bindingEdgeId, parseNodeId } from '../../../../shared/topology/ids.js';
import { useConsole, useStore } from '../../../state/StoreProvider.js';
import { sessionProfile } from '../../../state/selectors.js';
import type { GraphExtensions, GraphSelection } from '../graph-extensions.js';
import { type BindingChoices, BindingForm } from './BindingForm.js';
import { type BrokerView, brokerView } from './broker-view.js';
import { EditorToolbar } from './EditorToolbar.js';
import { ExchangeForm } from './ExchangeForm.js';
import { pendingOverlay } from './overlay.js';
import { diffRows } from './pending-diff.js';
import { type BindChange, type Edit, entityKey, type ExchangeDeclare, type QueueDeclare } from './pending-edits.js';
import { emptyPending, type PendingAction, pendingReducer, type PendingState } from './pending-reducer.js';
import { PendingPanel } from './PendingPanel.js';
import { QueueForm } from './QueueForm.js';
import { useApplyRun } from './useApplyRun.js';
import { useUndoKeys } from './useUndoKeys.js';
import './editor.css';

type OpenForm =
  | { kind: 'exchange'; initial: ExchangeDeclare | null; existing: ExchangeDeclare | null }
  | { kind: 'queue'; initial: QueueDeclare | null; existing: QueueDeclare | null }
  | { kind: 'binding'; source: string; sourceType: string; destination: string; destinationType: 'queue' | 'exchange'; choices?: BindingChoices };

type RemoveAction = Extract<PendingAction, { type: 'remove' }>;

/**
 * The graph editor for one vhost, as the graph's extensions: the palette in
 * the toolbar, the pending set as overlay and side panel, connect and delete
 * gestures turned into pending changes, Apply on the connected broker, after
 * which `refreshSnapshot` reads the broker again (an edit can leave every
 * count the sampler sees as it was, so nothing else would).
 */
export function useTopologyEditor(vhost: string, snapshot: TopologySnapshot | null, refreshSnapshot: () => void): GraphExtensions {
  const [form, setForm] = useState<OpenForm | null>(null);
  const [selection, setSelection] = useState<GraphSelection>({ nodes: [], edges: [] });
  const store = useStore();
  // The pending set outlives the view: leaving the graph, or looking at another vhost, must not lose it.
  const profileId = useConsole((s) => s.session?.profileId ?? '');
  const memoryKey = `topology.pending\u0000${profileId}\u0000${vhost}`;
  const [pending, dispatch] = useReducer(pendingReducer, undefined, () => (store.memory.get(memoryKey) as PendingState | undefined) ?? emptyPending());
  useEffect(() => {
    store.memory.set(memoryKey, pending);
  }, [store, memoryKey, pending]);
  const embedded = useConsole((s) => sessionProfile(s)?.builtIn ?? false);
  const broker = useMemo(() => brokerView(snapshot, vhost), [snapshot, vhost]);
  // Read when an edit is made, not subscribed: the editor (and the graph it feeds) must not re-render at every sample.
  const messagesOf = useCallback(
    (name: string) => store.getState().inventory.queues.find((q) => q.vhost === vhost && q.name === name)?.total ?? 0,
    [store, vhost],
  );

  // The latest state, for the gesture handlers the graph keeps hold of.
  const latest = useRef({ edits: pending.edits, broker });
  latest.current = { edits: pending.edits, broker };

  // Applied lines stay drawn until the snapshot shows them, so nothing blinks out between Apply and the
  // graph's next read of the broker (both snapshots refetch when the sampler sees the structure change).
  const [landing, setLanding] = useState<Edit[]>([]);
  useEffect(() => setLanding((l) => (l.length === 0 ? l : l.filter((e) => !reflected(e, broker)))), [broker]);

  const onApplied = useCallback((keys: string[]) => {
    const done = new Set(keys);
    // Taken now: by the time an updater would run, the render has already dropped them from the set.
    const applied = latest.current.edits.filter((e) => done.has(e.key));
    setLanding((l) => [...l, ...applied]);
    dispatch({ type: 'applied', keys });
    refreshSnapshot();
  }, [refreshSnapshot]);
  const { run, apply, reset } = useApplyRun(onApplied);
  const running = run.phase === 'running';

  const pendingDeclare = (key: string): Edit | undefined => latest.current.edits.find((e) => e.key === key && e.op !== 'remove');

  const exchangeTypeOf = (name: string): string | null => {
    const edit = pendingDeclare(entityKey({ kind: 'exchange', vhost, name }));
    if (edit?.op === 'add' && edit.change.kind === 'declareExchange') return edit.change.type;
    if (edit?.op === 'change' && edit.after.kind === 'declareExchange') return edit.after.type;
    return latest.current.broker.exchange(name)?.type ?? null;
  };

  const openEdit = (kind: 'exchange' | 'queue', name: string) => {
    const key = entityKey({ kind, vhost, name });
    const edit = pendingDeclare(key);
    const existing = kind === 'exchange' ? broker.exchange(name) : broker.queue(name);
    const initial = edit?.op === 'add' ? edit.change : edit?.op === 'change' ? edit.after : existing;
    if (kind === 'exchange') setForm({ kind, initial: initial as ExchangeDeclare | null, existing: existing as ExchangeDeclare | null });
    else setForm({ kind, initial: initial as QueueDeclare | null, existing: existing as QueueDeclare | null });
  };

  const removalsFor = (sel: GraphSelection): RemoveAction[] => {
    const { broker: b, edits } = latest.current;
    const actions: RemoveAction[] = [];
    // Bindings first: removing an exchange or queue afterwards drops the ones it takes with it.
    for (const id of sel.edges) {
      const onBroker = b.bindingById(id);
      const pendingBind = edits.find((e) => e.op === 'add' && e.change.kind === 'bind' && bindingEdgeId(e.change) === id);
      const binding = onBroker ?? (pendingBind?.op === 'add' && pendingBind.change.kind === 'bind' ? pendingBind.change : null);
      if (binding) actions.push({ type: 'remove', change: { ...binding, kind: 'unbind' }, exists: onBroker !== null, bindingsLost: 0 });
    }
    for (const id of sel.nodes) {
      const ref = parseNodeId(id);
      if (!ref || ref.kind === 'group' || ref.name === '' || ref.name.startsWith('amq.')) continue;
      if (ref.kind === 'exchange') {
        actions.push({ type: 'remove', change: { kind: 'deleteExchange', vhost, name: ref.name }, exists: b.exchange(ref.name) !== null, bindingsLost: b.bindingsOf('exchange', ref.name).length });
      } else {
        const messages = messagesOf(ref.name);
        actions.push({ type: 'remove', change: { kind: 'deleteQueue', vhost, name: ref.name, ...(messages > 0 ? { messages } : {}) }, exists: b.queue(ref.name) !== null, bindingsLost: b.bindingsOf('queue', ref.name).length });
      }
    }
    return actions;
  };

  const onConnect = (source: string, target: string) => {
    const from = parseNodeId(source);
    const to = parseNodeId(target);
    if (!from || !to || from.kind !== 'exchange' || to.kind === 'group' || from.name === '') return;
    setForm({ kind: 'binding', source: from.name, sourceType: exchangeTypeOf(from.name) ?? 'direct', destination: to.name, destinationType: to.kind });
  };

  /** Both ends to choose from, for a binding made without dragging: what the broker has and what the set adds. */
  const bindingChoices = (): BindingChoices => {
    const removed = new Set(pending.edits.filter((e) => e.op === 'remove').map((e) => e.key));
    const added = pending.edits.flatMap((e) => (e.op === 'add' && (e.change.kind === 'declareExchange' || e.change.kind === 'declareQueue') ? [e.change] : []));
    const exchanges = new Map(broker.exchangeNames.filter((n) => n !== '').map((n) => [n, broker.exchange(n)?.type ?? 'direct']));
    const queues = new Set(broker.queueNames);
    for (const c of added) {
      if (c.kind === 'declareExchange') exchanges.set(c.name, c.type);
      else queues.add(c.name);
    }
    const keep = (kind: 'exchange' | 'queue', name: string) => !removed.has(entityKey({ kind, vhost, name }));
    return {
      exchanges: [...exchanges].filter(([name]) => keep('exchange', name)).map(([name, type]) => ({ name, type })).sort((a, b) => a.name.localeCompare(b.name)),
      queues: [...queues].filter((name) => keep('queue', name)).sort((a, b) => a.localeCompare(b)),
    };
  };

  const onDeleteSelection = (sel: GraphSelection) => {
    const actions = removalsFor(sel);
    if (actions.length > 0 && !running) dispatch({ type: 'batch', actions });
  };

  // Stable for the graph: a new function there would re-render every node.
  const gestures = useRef({ onConnect, onDeleteSelection });
  gestures.current = { onConnect, onDeleteSelection };
  const stableConnect = useCallback((source: string, target: string) => gestures.current.onConnect(source, target), []);
  const stableDelete = useCallback((sel: GraphSelection) => gestures.current.onDeleteSelection(sel), []);

  useUndoKeys({ enabled: form === null && !running, onUndo: () => dispatch({ type: 'undo' }), onRedo: () => dispatch({ type: 'redo' }) });

  const declare = (change: ExchangeDeclare | QueueDeclare) => {
    const kind = change.kind === 'declareExchange' ? 'exchange' : 'queue';
    const existing = kind === 'exchange' ? broker.exchange(change.name) : broker.queue(change.name);
    dispatch({ type: 'declare', change, existing, messages: kind === 'queue' ? messagesOf(change.name) : 0, bindings: existing ? broker.bindingsOf(kind, change.name) : [] });
    setForm(null);
  };

  const bind = (change: BindChange) => {
    dispatch({ type: 'bind', change, exists: broker.bindingById(bindingEdgeId(change)) !== null });
    setForm(null);
  };

  const selected = selection.nodes.length === 1 ? parseNodeId(selection.nodes[0] as string) : null;
  const editable = selected && selected.kind !== 'group' && selected.name !== '' && !selected.name.startsWith('amq.') ? selected : null;
  const deletable = removalsFor(selection).length;

  const dialog: ReactNode =
    form?.kind === 'exchange' ? (
      <ExchangeForm vhost={vhost} initial={form.initial} existing={form.existing} exchanges={broker.exchangeNames} types={broker.exchangeTypes} onSubmit={declare} onCancel={() => setForm(null)} />
    ) : form?.kind === 'queue' ? (
      <QueueForm
        vhost={vhost}
        initial={form.initial}
        existing={form.existing}
        messages={form.existing ? messagesOf(form.existing.name) : 0}
        exchanges={broker.exchangeNames}
        embedded={embedded}
        onSubmit={declare}
        onCancel={() => setForm(null)}
      />
    ) : form?.kind === 'binding' ? (
      <BindingForm {...form} vhost={vhost} onSubmit={bind} onCancel={() => setForm(null)} />
    ) : null;

  const titles = new Map(diffRows(pending.edits).map((r) => [r.key, `${r.badge === 'added' ? 'Added' : r.badge === 'removed' ? 'Removed' : 'Changed'} ${r.what.toLowerCase()} ${r.title}`]));

  // Keep Apply results visible until the set changes by the user's hand.
  const editsSeen = useRef(pending.edits);
  useEffect(() => {
    if (editsSeen.current === pending.edits) return;
    editsSeen.current = pending.edits;
    if (run.phase === 'finished' && pending.past.length > 0) reset();
  }, [pending.edits, pending.past.length, run.phase, reset]);

  return {
    // exchangeTypeOf reads the latest edits and broker, which change with pending.edits and broker.
    overlay: useMemo(() => pendingOverlay([...landing, ...pending.edits], vhost, exchangeTypeOf), [landing, pending.edits, vhost, broker]),
    onConnect: stableConnect,
    onDeleteSelection: stableDelete,
    onSelectionChange: setSelection,
    toolbar: (
      <>
        <EditorToolbar
          disabled={running}
          onNewExchange={() => setForm({ kind: 'exchange', initial: null, existing: null })}
          onNewQueue={() => setForm({ kind: 'queue', initial: null, existing: null })}
          onNewBinding={() => {
            const from = editable?.kind === 'exchange' ? editable.name : '';
            setForm({ kind: 'binding', source: from, sourceType: from ? (exchangeTypeOf(from) ?? 'direct') : 'direct', destination: '', destinationType: 'queue', choices: bindingChoices() });
          }}
          editLabel={editable ? `Edit ${editable.kind} ${editable.name}` : null}
          onEdit={() => editable && openEdit(editable.kind as 'exchange' | 'queue', editable.name)}
          deleteCount={deletable}
          onDelete={() => onDeleteSelection(selection)}
        />
        {dialog}
      </>
    ),
    panel: (
      <PendingPanel
        edits={pending.edits}
        canUndo={pending.past.length > 0}
        canRedo={pending.future.length > 0}
        run={run}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onDrop={(key) => dispatch({ type: 'drop', key })}
        onDiscard={() => {
          dispatch({ type: 'discard' });
          reset();
        }}
        onApply={(rollback) => void apply(pending.edits, titles, rollback)}
        onDismissResult={reset}
      />
    ),
  };
}

/** Does the broker, as the snapshot shows it, have what this applied line made? */
function reflected(edit: Edit, broker: BrokerView): boolean {
  if (edit.op === 'change') return true;
  const c = edit.change;
  switch (c.kind) {
    case 'declareExchange':
      return broker.exchange(c.name) !== null;
    case 'declareQueue':
      return broker.queue(c.name) !== null;
    case 'deleteExchange':
      return broker.exchange(c.name) === null;
    case 'deleteQueue':
      return broker.queue(c.name) === null;
    case 'bind':
      return broker.bindingById(bindingEdgeId(c)) !== null;
    case 'unbind':
      return broker.bindingById(bindingEdgeId(c)) === null;
  }
}
