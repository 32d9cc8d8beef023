import type { FieldTable } from '../../shared/model/workbench/field-value.js';
import type { PublishForm } from './publish-form.js';

/** The placeholders the backend expands when templates are on (see PublishMessage.templated). */
export const PLACEHOLDERS = {
  counter: '1, 2, 3… per publish',
  uuid: 'a new UUID per publish',
  now: 'the time of the publish (ISO 8601)',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

function stringHeaders(table: FieldTable, out: string[]): void {
  for (const value of Object.values(table)) {
    if (value.type === 'string') out.push(value.value);
    else if (value.type === 'table') stringHeaders(value.value, out);
  }
}

/** The texts the backend expands: routing key, string properties, string headers and a text body. */
function templatedTexts(form: PublishForm, headers: FieldTable): string[] {
  const texts = [form.routingKey, ...Object.values(form.properties)];
  stringHeaders(headers, texts);
  if (form.body.mode !== 'file') texts.push(form.body.text);
  return texts;
}

export interface TemplateHint {
  readonly used: readonly Placeholder[];
  /** {{…}} that are not placeholders: sent as written. */
  readonly unknown: readonly string[];
  /** One line for under the switch. */
  readonly text: string;
  /** The hint asks for attention: placeholders that will not expand. */
  readonly warn: boolean;
}

const list = (names: readonly string[]): string => names.map((n) => `{{${n}}}`).join(', ');

/** What the template switch will do to this form, in a line. */
export function templateHint(form: PublishForm, headers: FieldTable): TemplateHint {
  const used = new Set<Placeholder>();
  const unknown = new Set<string>();
  for (const text of templatedTexts(form, headers)) {
    for (const match of text.matchAll(PATTERN)) {
      const name = match[1] ?? '';
      if (Object.hasOwn(PLACEHOLDERS, name)) used.add(name as Placeholder);
      else unknown.add(name);
    }
  }
  const usedList = (Object.keys(PLACEHOLDERS) as Placeholder[]).filter((p) => used.has(p));
  const unknownList = [...unknown].sort();
  const unknownNote = unknownList.length > 0 ? ` ${list(unknownList)} ${unknownList.length === 1 ? 'is not a placeholder and stays' : 'are not placeholders and stay'} as written.` : '';
  if (!form.templated) {
    if (usedList.length === 0) return { used: usedList, unknown: unknownList, text: 'Off: the message is sent exactly as written.', warn: false };
    return { used: usedList, unknown: unknownList, text: `Off: ${list(usedList)} ${usedList.length === 1 ? 'is' : 'are'} sent literally. Turn on to expand.`, warn: true };
  }
  if (usedList.length === 0) {
    const all = (Object.keys(PLACEHOLDERS) as Placeholder[]).map((p) => `{{${p}}}`).join(', ');
    return { used: usedList, unknown: unknownList, text: `On, but nothing uses ${all} yet.${unknownNote}`, warn: unknownList.length > 0 };
  }
  const meanings = usedList.map((p) => `{{${p}}} → ${PLACEHOLDERS[p]}`).join('; ');
  return { used: usedList, unknown: unknownList, text: `${meanings}.${unknownNote}`, warn: unknownList.length > 0 };
}
