import { MAX_BODY_BYTES, MAX_INLINE_BODY_BYTES, type MessageProperties, type WireBytes } from '../../shared/model/workbench/message.js';
import type { PublishMessage, PublishRepeat, PublishTemplate, SentMessage } from '../../shared/model/workbench/publish.js';
import { jsonProblem, type JsonProblem } from './body-editor-json.js';
import { wireToBytes } from './message-bytes.js';
import type { PublishDraft } from './publish-draft.js';
import { inlineWire, needsUpload } from './publish-upload.js';
import { nodesFromTable, parseTable, type ValueNode } from './typed-value.js';

/**
 * The Publish view's form as the user edits it: text in every field, parsed
 * into the contract's types only when publishing, so a half-typed number is
 * an inline problem and not a lost keystroke.
 */
export type BodyMode = 'json' | 'text' | 'file';

export interface BodyDraft {
  readonly mode: BodyMode;
  /** The JSON or text body. */
  readonly text: string;
  /** A file's bytes, or a binary body handed over from a message. */
  readonly file: { readonly name: string; readonly bytes: Uint8Array } | null;
}

export const PROPERTY_NAMES = ['contentType', 'contentEncoding', 'deliveryMode', 'priority', 'expiration', 'messageId', 'correlationId', 'replyTo', 'type', 'userId', 'appId', 'timestamp'] as const;
export type PropertyName = (typeof PROPERTY_NAMES)[number];
export type PropertyTexts = Readonly<Record<PropertyName, string>>;

export interface RepeatDraft {
  readonly mode: PublishRepeat['mode'];
  readonly count: string;
  readonly perSecond: string;
  readonly durationSeconds: string;
}

export interface PublishForm {
  readonly exchange: string;
  readonly routingKey: string;
  readonly properties: PropertyTexts;
  readonly headers: readonly ValueNode[];
  readonly body: BodyDraft;
  readonly repeat: RepeatDraft;
  readonly templated: boolean;
  readonly mandatory: boolean;
  readonly confirm: boolean;
}

const NO_PROPERTIES: PropertyTexts = {
  contentType: '',
  contentEncoding: '',
  deliveryMode: '',
  priority: '',
  expiration: '',
  messageId: '',
  correlationId: '',
  replyTo: '',
  type: '',
  userId: '',
  appId: '',
  timestamp: '',
};

const ONCE: RepeatDraft = { mode: 'once', count: '10', perSecond: '10', durationSeconds: '10' };

const DEFAULT_PROPERTIES = { contentType: 'application/json', deliveryMode: 2 } as const;
const DEFAULT_BODY = '{\n  "hello": "world"\n}';

/** A fresh message to a destination, as the form starts: a persistent JSON message. */
export function newDraft(vhost: string, exchange: string, routingKey: string): PublishDraft {
  return { vhost, exchange, routingKey, properties: { ...DEFAULT_PROPERTIES }, headers: {}, body: { encoding: 'utf8', data: DEFAULT_BODY } };
}

export function emptyForm(exchange = '', routingKey = ''): PublishForm {
  return {
    exchange,
    routingKey,
    properties: { ...NO_PROPERTIES, contentType: DEFAULT_PROPERTIES.contentType, deliveryMode: String(DEFAULT_PROPERTIES.deliveryMode) },
    headers: [],
    body: { mode: 'json', text: DEFAULT_BODY, file: null },
    repeat: ONCE,
    templated: false,
    mandatory: true,
    confirm: true,
  };
}

/** What is wrong with the form, by field ('body', 'repeat.count', 'priority'…); empty when it can be published. */
export type FormProblems = Readonly<Record<string, string>>;

function propertiesOf(texts: PropertyTexts, problems: Record<string, string>): MessageProperties {
  const out: MessageProperties = {};
  for (const name of ['contentType', 'contentEncoding', 'messageId', 'correlationId', 'replyTo', 'type', 'userId', 'appId'] as const) {
    const text = texts[name];
    if (text === '') continue;
    if (text.length > 255) problems[name] = 'at most 255 characters (an AMQP short string)';
    else out[name] = text;
  }
  if (texts.deliveryMode === '1' || texts.deliveryMode === '2') out.deliveryMode = Number(texts.deliveryMode) as 1 | 2;
  const priority = texts.priority.trim();
  if (priority !== '') {
    if (!/^\d+$/.test(priority) || Number(priority) > 255) problems.priority = 'a whole number from 0 to 255';
    else out.priority = Number(priority);
  }
  const expiration = texts.expiration.trim();
  if (expiration !== '') {
    if (!/^\d{1,10}$/.test(expiration)) problems.expiration = 'whole milliseconds, e.g. 60000';
    else out.expiration = expiration;
  }
  const timestamp = texts.timestamp.trim();
  if (timestamp !== '') {
    if (!/^\d{1,12}$/.test(timestamp)) problems.timestamp = 'seconds since 1970 (Now fills it in)';
    else out.timestamp = Number(timestamp);
  }
  return out;
}

function repeatOf(draft: RepeatDraft, problems: Record<string, string>): PublishRepeat {
  if (draft.mode === 'once') return { mode: 'once' };
  if (draft.mode === 'count') {
    const count = Number(draft.count);
    if (!/^\d+$/.test(draft.count.trim()) || count < 1 || count > 1_000_000) problems['repeat.count'] = 'from 1 to 1,000,000';
    return { mode: 'count', count };
  }
  const perSecond = Number(draft.perSecond);
  const durationSeconds = Number(draft.durationSeconds);
  if (draft.perSecond.trim() === '' || !(perSecond >= 0.1 && perSecond <= 50_000)) problems['repeat.perSecond'] = 'from 0.1 to 50,000 per second';
  if (draft.durationSeconds.trim() === '' || !(durationSeconds >= 1 && durationSeconds <= 86_400)) problems['repeat.durationSeconds'] = 'from 1 second to 24 hours';
  return { mode: 'rate', perSecond, durationSeconds };
}

const encoder = new TextEncoder();

export function bodyBytes(body: BodyDraft): Uint8Array {
  if (body.mode === 'file') return body.file?.bytes ?? new Uint8Array();
  return encoder.encode(body.text);
}

export interface CheckedForm {
  /** Everything but the body, which may need uploading first. */
  readonly message: Omit<PublishMessage, 'body' | 'vhost'>;
  readonly repeat: PublishRepeat;
  readonly problems: FormProblems;
  /** Header rows with a problem, by row id. */
  readonly headerProblems: ReadonlyMap<number, string>;
  /** Where a JSON body goes wrong, when JSON is chosen. */
  readonly json: JsonProblem | null;
}

/**
 * A templated JSON body is checked as it will be sent: {{counter}} becomes a number, so
 * `{"n": {{counter}}}` is valid. Digits of the same length keep every line and column in place.
 */
function withCounterAsNumber(text: string): string {
  return text.replace(/\{\{\s*counter\s*\}\}/g, (placeholder) => '1'.padEnd(placeholder.length, '0'));
}

/** The form as the contract's types, with every problem found; publish only when there are none. */
export function checkForm(form: PublishForm): CheckedForm {
  const problems: Record<string, string> = {};
  const properties = propertiesOf(form.properties, problems);
  const { table, problems: headerProblems } = parseTable(form.headers);
  if (headerProblems.size > 0) problems.headers = `${headerProblems.size} ${headerProblems.size === 1 ? 'header has a problem' : 'headers have problems'}`;
  if (form.routingKey.length > 255) problems.routingKey = 'at most 255 characters';
  const json = form.body.mode === 'json' ? jsonProblem(form.templated ? withCounterAsNumber(form.body.text) : form.body.text) : null;
  if (json) problems.body = `Line ${json.line}, column ${json.column}: ${json.message}`;
  if (form.body.mode === 'file' && form.body.file === null) problems.body = 'choose a file';
  if (form.body.mode === 'file' && form.body.file !== null && form.body.file.bytes.length > MAX_BODY_BYTES) {
    problems.body = `larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB, the largest message Warren publishes`;
  }
  const repeat = repeatOf(form.repeat, problems);
  return {
    message: {
      exchange: form.exchange,
      routingKey: form.routingKey,
      properties,
      headers: table,
      mandatory: form.mandatory,
      confirm: form.confirm,
      templated: form.templated,
    },
    repeat,
    problems,
    headerProblems,
    json,
  };
}

function textsOf(properties: MessageProperties): PropertyTexts {
  const texts: Record<PropertyName, string> = { ...NO_PROPERTIES };
  for (const name of PROPERTY_NAMES) {
    const value = properties[name];
    if (value !== undefined) texts[name] = String(value);
  }
  return texts;
}

/** Text above this is kept as bytes, not put in the editor: a textarea with megabytes in it freezes the page. */
const TEXT_EDIT_LIMIT = 1024 * 1024;

/** JSON when the content type or the text says so, text otherwise, a file when the bytes are not UTF-8 or too long to edit. */
function bodyDraftOf(body: WireBytes, contentType: string | undefined): BodyDraft {
  if (body.encoding === 'base64' || body.data.length > TEXT_EDIT_LIMIT) {
    const bytes = wireToBytes(body);
    const what = body.encoding === 'base64' ? 'binary body' : 'text body, too long to edit here';
    return { mode: 'file', text: '', file: { name: `${what} (${bytes.length.toLocaleString('en-US')} bytes)`, bytes } };
  }
  const looksJson = (contentType ?? '').includes('json') || (body.data.trim() !== '' && jsonProblem(body.data) === null);
  return { mode: looksJson ? 'json' : 'text', text: body.data, file: null };
}

/** A message handed over (edit and republish, a queue's Publish button) as a form: everything else at its default. */
export function formFromDraft(draft: PublishDraft): PublishForm {
  return {
    ...emptyForm(draft.exchange, draft.routingKey),
    properties: textsOf(draft.properties),
    headers: nodesFromTable(draft.headers),
    body: bodyDraftOf(draft.body, draft.properties.contentType),
  };
}

function repeatDraftOf(repeat: PublishRepeat): RepeatDraft {
  if (repeat.mode === 'count') return { ...ONCE, mode: 'count', count: String(repeat.count) };
  if (repeat.mode === 'rate') return { ...ONCE, mode: 'rate', perSecond: String(repeat.perSecond), durationSeconds: String(repeat.durationSeconds) };
  return ONCE;
}

/** A saved template or a sent message back in the form, run settings included. */
export function formFromSaved(saved: PublishTemplate | SentMessage): PublishForm {
  const { message } = saved;
  return {
    ...formFromDraft({ vhost: message.vhost, exchange: message.exchange, routingKey: message.routingKey, properties: message.properties, headers: message.headers, body: message.body }),
    repeat: repeatDraftOf(saved.repeat),
    templated: message.templated,
    mandatory: message.mandatory,
    confirm: message.confirm,
  };
}

/** The form as a template to save; bodies too large for one request are not kept in templates. */
export function templateOf(form: PublishForm, vhost: string, name: string, id: string): PublishTemplate | { problem: string } {
  const checked = checkForm(form);
  const first = Object.entries(checked.problems)[0];
  if (first) return { problem: `Fix the form first: ${first[0]}: ${first[1]}` };
  const bytes = bodyBytes(form.body);
  if (needsUpload(bytes.length)) return { problem: `Templates keep bodies up to ${MAX_INLINE_BODY_BYTES / 1024} KiB; this one is ${Math.ceil(bytes.length / 1024)} KiB` };
  return { id, name, message: { ...checked.message, vhost, body: inlineWire(bytes) }, repeat: checked.repeat, savedAt: Date.now() };
}
