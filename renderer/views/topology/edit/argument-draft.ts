import type { ArgumentSpec } from './known-arguments.js';

export type ValueType = 'string' | 'number' | 'boolean';

/** A free key/value row for an argument the form has no field for. */
export type ExtraArgument = { id: number; key: string; type: ValueType; value: string };

/** Arguments as the form edits them: text in fields, turned into typed JSON on save. */
export type ArgumentsDraft = {
  known: Record<string, string>;
  extra: ExtraArgument[];
};

let nextId = 1;
export const newExtraRow = (): ExtraArgument => ({ id: nextId++, key: '', type: 'string', value: '' });

const typeOf = (value: unknown): ValueType => (typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string');

/** Splits a declaration's arguments into the typed fields and free rows. */
export function toDraft(args: Readonly<Record<string, unknown>>, specs: readonly ArgumentSpec[]): ArgumentsDraft {
  const known: Record<string, string> = {};
  const extra: ExtraArgument[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (specs.some((s) => s.key === key)) known[key] = String(value);
    else extra.push({ id: nextId++, key, type: typeOf(value), value: typeof value === 'object' ? JSON.stringify(value) : String(value) });
  }
  return { known, extra };
}

/** The arguments to declare, or the problems, keyed by field (a known key, or `extra:<id>`). */
export function fromDraft(draft: ArgumentsDraft, specs: readonly ArgumentSpec[]): { args: Record<string, unknown>; errors: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const text = (draft.known[spec.key] ?? '').trim();
    if (text === '') continue;
    if (spec.kind === 'integer') {
      if (!/^\d+$/.test(text)) errors[spec.key] = 'A whole number, 0 or more';
      else args[spec.key] = Number(text);
    } else if (spec.kind === 'boolean') {
      if (text === 'true') args[spec.key] = true;
    } else {
      args[spec.key] = text;
    }
  }
  for (const row of draft.extra) {
    const key = row.key.trim();
    const field = `extra:${row.id}`;
    if (key === '' && row.value.trim() === '') continue;
    if (key === '') errors[field] = 'A name is needed';
    else if (key in args) errors[field] = `${key} is given twice`;
    else if (row.type === 'number') {
      const n = Number(row.value);
      if (row.value.trim() === '' || !Number.isFinite(n)) errors[field] = 'Not a number';
      else args[key] = n;
    } else if (row.type === 'boolean') args[key] = row.value === 'true';
    else args[key] = row.value;
  }
  return { args, errors };
}
