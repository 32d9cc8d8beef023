import { z } from 'zod';
import { ENTITIES, type Entity, type Model, toModel } from './model.js';
import { type Problem, isError, jsonPath, typeName } from './problems.js';
import { referenceProblems } from './references.js';
import { RawDefinitions, SECTIONS } from './schema.js';
import { versionProblems } from './version.js';

export const Summary = z.object({
  form: z.enum(['broker', 'vhost']),
  version: z.string().nullable(),
  counts: z.record(z.enum(ENTITIES), z.number()),
});
export type Summary = z.infer<typeof Summary>;

export interface ReadResult {
  problems: Problem[];
  /** Present when the file could be read; it may still have reference errors. */
  model?: Model;
  raw?: RawDefinitions;
  summary?: Summary;
}

export interface ReadOptions {
  /** The vhost a single-vhost file is read for (default '/'). */
  vhost?: string | null | undefined;
  /** The broker the file is checked against: references may point at what it already has. */
  target?: Model | undefined;
}

/** Fields that only a whole-broker export has. */
const BROKER_ONLY = ['vhosts', 'users', 'permissions', 'topic_permissions', 'global_parameters'] as const;

/**
 * Reads a definitions file and lists every problem with its JSON path: not
 * JSON, not definitions, an unknown version, wrong types, missing references.
 * The file is never half-accepted: callers apply nothing while an error is listed.
 */
export function readDefinitions(text: string, options: ReadOptions = {}): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { problems: [{ path: '$', message: `is not JSON: ${err instanceof Error ? err.message : String(err)}`, severity: 'error' }] };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { problems: [{ path: '$', message: `is not a definitions file: expected an object, got ${typeName(doc)}`, severity: 'error' }] };
  }
  const obj = doc as Record<string, unknown>;
  if (!SECTIONS.some((s) => s in obj) && !('rabbit_version' in obj) && !('rabbitmq_version' in obj)) {
    return {
      problems: [{ path: '$', message: `is not a RabbitMQ definitions file: it has none of ${SECTIONS.join(', ')}`, severity: 'error' }],
    };
  }
  const problems = versionProblems(obj);
  const parsed = RawDefinitions.safeParse(doc);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(issue, obj));
    return { problems };
  }
  const raw = parsed.data;
  const form = BROKER_ONLY.some((f) => f in obj) || [raw.queues, raw.exchanges, raw.bindings].some((list) => list?.some((i) => i.vhost !== undefined))
    ? 'broker'
    : 'vhost';
  if (form === 'broker') problems.push(...missingVhostFields(raw));
  const model = toModel(raw, form, options.vhost ?? '/');
  problems.push(...referenceProblems(model, options.target));
  const counts = Object.fromEntries(ENTITIES.map((e) => [e, 0])) as Record<Entity, number>;
  for (const item of model.items) counts[item.entity]++;
  const version = (typeof obj.rabbitmq_version === 'string' ? obj.rabbitmq_version : typeof obj.rabbit_version === 'string' ? obj.rabbit_version : null);
  return { problems, model, raw, summary: { form, version, counts } };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some(isError);

/** In a whole-broker file every queue, exchange, binding and policy says which vhost it is in. */
function missingVhostFields(raw: RawDefinitions): Problem[] {
  const out: Problem[] = [];
  for (const section of ['parameters', 'policies', 'queues', 'exchanges', 'bindings'] as const) {
    raw[section]?.forEach((item, i) => {
      if (item.vhost === undefined) out.push({ path: `$.${section}[${i}].vhost`, message: 'is missing', severity: 'error' });
    });
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue, doc: Record<string, unknown>): Problem {
  const path = jsonPath(issue.path);
  let value: unknown = doc;
  for (const part of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  if (issue.code === 'invalid_type') {
    return { path, message: value === undefined ? 'is missing' : `must be ${article(issue.expected)}, got ${typeName(value)}`, severity: 'error' };
  }
  if (issue.code === 'invalid_value') {
    return { path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`, severity: 'error' };
  }
  if (issue.code === 'invalid_union') return { path, message: `must be a string or a list of strings, got ${typeName(value)}`, severity: 'error' };
  return { path, message: issue.message, severity: 'error' };
}

const article = (type: string): string => (type === 'record' || type === 'object' ? 'an object' : type === 'array' ? 'a list' : `a ${type}`);
