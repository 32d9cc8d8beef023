import { canonicalArguments } from '../../../../shared/topology/ids.js';
import {
  type BindChange,
  bindingKey,
  bindingTouches,
  type EntityDeclare,
  type EntityDelete,
  type Edit,
  entityKey,
  keyOf,
  type UnbindChange,
} from './pending-edits.js';

/** The pending change set with its undo and redo history. */
export type PendingState = {
  edits: Edit[];
  past: Edit[][];
  future: Edit[][];
};

/**
 * What the user did. Each action carries what the broker has now (the caller
 * reads it from the topology snapshot), so the reducer stays pure: declaring
 * what exists unchanged is no edit, removing what is only pending cancels it.
 */
export type PendingAction =
  | {
      type: 'declare';
      change: EntityDeclare;
      /** The broker's current declaration of that name, or null when it has none. */
      existing: EntityDeclare | null;
      /** Messages the existing queue holds: a recreation destroys them. */
      messages: number;
      /** The existing bindings from and to it, which a recreation drops and declares again. */
      bindings: BindChange[];
    }
  | { type: 'bind'; change: BindChange; exists: boolean }
  | { type: 'remove'; change: EntityDelete | UnbindChange; exists: boolean; bindingsLost: number }
  /** Several at once, undone as one step (a Delete of a multiple selection). */
  | { type: 'batch'; actions: Exclude<PendingAction, { type: 'undo' | 'redo' | 'applied' | 'batch' }>[] }
  /** Takes one line out of the pending set. */
  | { type: 'drop'; key: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'discard' }
  /** These lines reached the broker: they leave the set, and the history no longer applies. */
  | { type: 'applied'; keys: string[] };

const HISTORY = 100;

export const emptyPending = (): PendingState => ({ edits: [], past: [], future: [] });

export function pendingReducer(state: PendingState, action: PendingAction): PendingState {
  switch (action.type) {
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { edits: previous, past: state.past.slice(0, -1), future: [state.edits, ...state.future] };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { edits: next, past: [...state.past, state.edits], future: rest };
    }
    case 'applied': {
      const done = new Set(action.keys);
      return { edits: state.edits.filter((e) => !done.has(e.key)), past: [], future: [] };
    }
    default:
      return record(state, editsAfter(state.edits, action));
  }
}

/** A new version of the set becomes undoable; one that changes nothing leaves the history alone. */
function record(state: PendingState, edits: Edit[]): PendingState {
  if (edits === state.edits) return state;
  return { edits, past: [...state.past, state.edits].slice(-HISTORY), future: [] };
}

type SetAction = Exclude<PendingAction, { type: 'undo' | 'redo' | 'applied' }>;

function editsAfter(edits: Edit[], action: SetAction): Edit[] {
  switch (action.type) {
    case 'batch':
      return action.actions.reduce(editsAfter, edits);
    case 'discard':
      return edits.length === 0 ? edits : [];
    case 'drop':
      return edits.some((e) => e.key === action.key) ? edits.filter((e) => e.key !== action.key) : edits;
    case 'declare':
      return declare(edits, action);
    case 'bind':
      return bind(edits, action.change, action.exists);
    case 'remove':
      return remove(edits, action.change, action.exists, action.bindingsLost);
  }
}

function declare(edits: Edit[], action: Extract<PendingAction, { type: 'declare' }>): Edit[] {
  const key = entityKey(action.change);
  const { existing } = action;
  if (existing === null) return put(edits, { op: 'add', key, change: action.change });
  if (sameDeclaration(existing, action.change)) return without(edits, key);
  return put(edits, { op: 'change', key, before: existing, after: action.change, messages: action.messages, rebinds: action.bindings });
}

function bind(edits: Edit[], change: BindChange, exists: boolean): Edit[] {
  const key = bindingKey(change);
  // Drawing again a binding the set removes takes the removal back.
  if (exists) return without(edits, key);
  return put(edits, { op: 'add', key, change });
}

function remove(edits: Edit[], change: EntityDelete | UnbindChange, exists: boolean, bindingsLost: number): Edit[] {
  const key = keyOf(change);
  if (change.kind === 'unbind') return exists ? put(edits, { op: 'remove', key, change, bindingsLost: 0 }) : without(edits, key);
  // The bindings of a removed exchange or queue go with it: pending ones to or from it would fail.
  const rest = edits.filter((e) => e.key !== key && !(e.op !== 'change' && (e.change.kind === 'bind' || e.change.kind === 'unbind') && bindingTouches(e.change, key)));
  return exists ? [...rest, { op: 'remove', key, change, bindingsLost }] : rest;
}

/** Replaces the line with the same key in place (keeping the user's order), or appends it. */
function put(edits: Edit[], edit: Edit): Edit[] {
  const at = edits.findIndex((e) => e.key === edit.key);
  if (at === -1) return [...edits, edit];
  return edits.map((e, i) => (i === at ? edit : e));
}

function without(edits: Edit[], key: string): Edit[] {
  return edits.some((e) => e.key === key) ? edits.filter((e) => e.key !== key) : edits;
}

export function sameDeclaration(a: EntityDeclare, b: EntityDeclare): boolean {
  if (a.kind !== b.kind || a.durable !== b.durable || a.autoDelete !== b.autoDelete) return false;
  if (canonicalArguments(a.arguments) !== canonicalArguments(b.arguments)) return false;
  if (a.kind === 'declareExchange' && b.kind === 'declareExchange') return a.type === b.type && a.internal === b.internal;
  return true;
}
