import type { BindChange, Edit, EntityDeclare, UnbindChange } from './pending-edits.js';

export type DiffRow = {
  key: string;
  badge: 'added' | 'removed' | 'changed';
  /** "Queue", "Exchange" or "Binding". */
  what: string;
  title: string;
  /** What differs, or the options of something added. */
  details: string[];
  /** The loss this line causes on the broker, spelled out; null when it loses nothing. */
  destroys: string | null;
  /** Why a change is a delete and a declare again. */
  warning: string | null;
};

const plural = (n: number, one: string): string => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

const bindingTitle = (b: BindChange | UnbindChange): string =>
  `${b.source || '(default)'} → ${b.destination}`;

function bindingDetails(b: BindChange | UnbindChange): string[] {
  const args = Object.entries(b.arguments);
  return [
    ...(args.length === 0 || b.routingKey !== '' ? [`routing key "${b.routingKey}"`] : []),
    ...args.map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
  ];
}

function options(d: EntityDeclare): string[] {
  const flags = [
    ...(d.kind === 'declareExchange' ? [d.type] : []),
    d.durable ? 'durable' : 'transient',
    ...(d.autoDelete ? ['auto-delete'] : []),
    ...(d.kind === 'declareExchange' && d.internal ? ['internal'] : []),
  ];
  return [flags.join(', '), ...Object.entries(d.arguments).map(([k, v]) => `${k} = ${JSON.stringify(v)}`)];
}

/** The properties that differ between two declarations of the same name, as "durable: true → false". */
export function differences(before: EntityDeclare, after: EntityDeclare): string[] {
  const out: string[] = [];
  const field = (label: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${label}: ${a === undefined ? '—' : JSON.stringify(a)} → ${b === undefined ? '—' : JSON.stringify(b)}`);
  };
  if (before.kind === 'declareExchange' && after.kind === 'declareExchange') field('type', before.type, after.type);
  field('durable', before.durable, after.durable);
  field('auto-delete', before.autoDelete, after.autoDelete);
  if (before.kind === 'declareExchange' && after.kind === 'declareExchange') field('internal', before.internal, after.internal);
  const keys = [...new Set([...Object.keys(before.arguments), ...Object.keys(after.arguments)])].sort();
  for (const k of keys) field(k, before.arguments[k], after.arguments[k]);
  return out;
}

/** The pending set as the panel lists it, one row per edit, in the order the user made them. */
export function diffRows(edits: readonly Edit[]): DiffRow[] {
  return edits.map((edit): DiffRow => {
    if (edit.op === 'change') {
      const what = edit.after.kind === 'declareQueue' ? 'Queue' : 'Exchange';
      return {
        key: edit.key,
        badge: 'changed',
        what,
        title: edit.after.name,
        details: differences(edit.before, edit.after),
        destroys: edit.after.kind === 'declareQueue' && edit.messages > 0 ? `Destroys ${plural(edit.messages, 'message')}` : null,
        warning: `The broker cannot change a${what === 'Exchange' ? 'n exchange' : ' queue'} in place: it is deleted and declared again${
          edit.rebinds.length > 0 ? `, with its ${plural(edit.rebinds.length, 'binding')}` : ''
        }.`,
      };
    }
    const c = edit.change;
    const badge = edit.op === 'add' ? 'added' : 'removed';
    if (c.kind === 'bind' || c.kind === 'unbind') {
      return { key: edit.key, badge, what: 'Binding', title: bindingTitle(c), details: bindingDetails(c), destroys: null, warning: null };
    }
    if (c.kind === 'declareExchange' || c.kind === 'declareQueue') {
      return { key: edit.key, badge, what: c.kind === 'declareQueue' ? 'Queue' : 'Exchange', title: c.name, details: options(c), destroys: null, warning: null };
    }
    const lost = edit.op === 'remove' ? edit.bindingsLost : 0;
    const messages = c.kind === 'deleteQueue' ? (c.messages ?? 0) : 0;
    return {
      key: edit.key,
      badge,
      what: c.kind === 'deleteQueue' ? 'Queue' : 'Exchange',
      title: c.name,
      details: [],
      destroys: messages > 0 ? `Destroys ${plural(messages, 'message')}` : null,
      // Bindings can be drawn again; messages cannot be brought back, so only they count as destroyed.
      warning: lost > 0 ? `Its ${plural(lost, 'binding')} ${lost === 1 ? 'goes' : 'go'} with it.` : null,
    };
  });
}

/** The whole set's losses, for the Apply confirmation. */
export function messagesDestroyed(edits: readonly Edit[]): number {
  let total = 0;
  for (const e of edits) {
    if (e.op === 'change' && e.after.kind === 'declareQueue') total += e.messages;
    if (e.op === 'remove' && e.change.kind === 'deleteQueue') total += e.change.messages ?? 0;
  }
  return total;
}
