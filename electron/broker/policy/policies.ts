// Policies as RabbitMQ applies them (rabbit_policy): per vhost, a regular
// expression over queue or exchange names, apply-to queues|exchanges|all
// (and RabbitMQ 3.12+'s classic_queues|quorum_queues|streams, so that newer
// definitions import), the
// highest priority match wins (RabbitMQ leaves ties to its table order; here
// the name that sorts last wins). Queue arguments take precedence as in
// rabbit_amqqueue_process's args/policy table: message-ttl, expires,
// max-length and max-length-bytes take the lower of argument and policy;
// overflow, dead-letter-exchange and dead-letter-routing-key take the argument
// when there is one; exchanges' alternate-exchange argument wins over the policy.
import { queueSettings, type QueueSettings } from '../queue-arguments.js';
import type { Queue } from '../queue.js';
import type { Exchange, VirtualHost } from '../vhost.js';
import { stringValue, type FieldTable } from '../protocol/field-table.js';

export const APPLY_TO = ['queues', 'exchanges', 'all', 'classic_queues', 'quorum_queues', 'streams'] as const;
export type ApplyTo = (typeof APPLY_TO)[number];

function applies(applyTo: ApplyTo, kind: 'queue' | 'exchange', queueType: string): boolean {
  switch (applyTo) {
    case 'all': return true;
    case 'exchanges': return kind === 'exchange';
    case 'queues': return kind === 'queue';
    case 'classic_queues': return kind === 'queue' && queueType === 'classic';
    case 'quorum_queues': return kind === 'queue' && queueType === 'quorum';
    case 'streams': return kind === 'queue' && queueType === 'stream';
  }
}

/** A queue's type as its arguments declare it (classic when absent). */
export function queueTypeOf(q: Queue): string {
  return stringValue(q.arguments['x-queue-type']) ?? 'classic';
}

export interface Policy {
  readonly vhost: string;
  readonly name: string;
  readonly pattern: string;
  readonly applyTo: ApplyTo;
  readonly priority: number;
  readonly definition: Readonly<Record<string, unknown>>;
}

/** The definition keys this broker acts on, in the order RabbitMQ's validators check them. */
const VALIDATORS: readonly [string, (v: unknown) => boolean, string][] = [
  ['alternate-exchange', (v) => typeof v === 'string', 'is not a valid alternate exchange name'],
  ['dead-letter-exchange', (v) => typeof v === 'string', 'is not a valid dead letter exchange name'],
  ['dead-letter-routing-key', (v) => typeof v === 'string', 'is not a valid dead letter routing key'],
  ['message-ttl', (v) => Number.isInteger(v) && (v as number) >= 0, 'is not a valid message TTL'],
  ['expires', (v) => Number.isInteger(v) && (v as number) >= 1, 'is not a valid queue expiry'],
  ['max-length', (v) => Number.isInteger(v) && (v as number) >= 0, 'is not a valid maximum length'],
  ['max-length-bytes', (v) => Number.isInteger(v) && (v as number) >= 0, 'is not a valid maximum length in bytes'],
  ['overflow', (v) => typeof v === 'string' && ['drop-head', 'reject-publish', 'reject-publish-dlx'].includes(v), 'is not a valid overflow value'],
];

/** The policy definition keys this broker applies. */
export const POLICY_KEYS: readonly string[] = VALIDATORS.map(([k]) => k);
const EXCHANGE_KEYS = new Set(['alternate-exchange']);
const QUEUE_KEYS = new Set(POLICY_KEYS.filter((k) => !EXCHANGE_KEYS.has(k)));

/** A JSON value as Erlang's ~p prints the term RabbitMQ decoded it to, HTML-escaped as the management API sends it. */
export function erlangTerm(v: unknown): string {
  const raw = (x: unknown): string => {
    if (typeof x === 'string') return `<<"${x}">>`;
    if (x === null) return 'null';
    if (Array.isArray(x)) return `[${x.map(raw).join(',')}]`;
    if (typeof x === 'object') return `[${Object.entries(x as Record<string, unknown>).map(([k, val]) => `{<<"${k}">>,${raw(val)}}`).join(',')}]`;
    return String(x);
  };
  return raw(v).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A policy body's problems with RabbitMQ's texts, in its order: the first
 * invalid definition value (or else the unrecognised keys), priority,
 * apply-to, pattern. Missing pattern/definition are reported separately
 * (missingPolicyKeys), as RabbitMQ does before validating.
 */
export function policyProblems(body: { pattern?: unknown; definition?: unknown; priority?: unknown; 'apply-to'?: unknown }): string[] {
  const problems: string[] = [];
  const def = body.definition;
  if (def === null || typeof def !== 'object' || Array.isArray(def)) {
    problems.push(`${erlangTerm(def)} is not a valid policy definition`);
  } else {
    const d = def as Record<string, unknown>;
    const invalid = VALIDATORS.find(([k, ok]) => k in d && !ok(d[k]));
    const unknown = Object.keys(d).filter((k) => !POLICY_KEYS.includes(k));
    if (Object.keys(d).length === 0) problems.push('no policy provided');
    else if (invalid) problems.push(`${erlangTerm(d[invalid[0]])} ${invalid[2]}`);
    else if (unknown.length > 0) problems.push(`${erlangTerm(Object.fromEntries(unknown.map((k) => [k, d[k]])))} are not recognised policy settings`);
  }
  if (body.priority !== undefined && !Number.isInteger(body.priority)) problems.push(`priority should be a number, actually was ${erlangTerm(body.priority)}`);
  const applyTo = body['apply-to'];
  if (applyTo !== undefined && !(APPLY_TO as readonly unknown[]).includes(applyTo)) {
    problems.push(`apply-to '${String(applyTo)}' unrecognised; should be 'queues', 'exchanges' or 'all'`);
  }
  if (typeof body.pattern !== 'string') problems.push(`pattern should be a string, actually was ${erlangTerm(body.pattern)}`);
  else {
    try {
      new RegExp(body.pattern);
    } catch (err) {
      problems.push(`pattern should be regular expression but is invalid: ${(err as Error).message}`);
    }
  }
  return problems;
}

/** What the engine calls when it creates a queue or an exchange (VirtualHost.policies). */
export interface PolicyHooks {
  applyToQueue(q: Queue): void;
  applyToExchange(vhost: VirtualHost, x: Exchange): void;
}

/** All policies of one broker, and their effect on its queues and exchanges. */
export class PolicyStore implements PolicyHooks {
  private readonly byKey = new Map<string, Policy>();
  /** Compiled patterns, so matching thousands of queues does not recompile them. */
  private readonly patterns = new Map<Policy, RegExp>();
  /** Called after a policy was added, replaced or removed, so the data dir can keep them (electron/broker/store). */
  onChange: (() => void) | null = null;

  list(vhost?: string): Policy[] {
    return [...this.byKey.values()].filter((p) => vhost === undefined || p.vhost === vhost);
  }

  get(vhost: string, name: string): Policy | undefined {
    return this.byKey.get(`${vhost}\u0000${name}`);
  }

  put(p: Policy): void {
    const key = `${p.vhost}\u0000${p.name}`;
    const before = this.byKey.get(key);
    if (before) this.patterns.delete(before);
    this.byKey.set(key, p);
    this.patterns.set(p, new RegExp(p.pattern));
    this.onChange?.();
  }

  delete(vhost: string, name: string): boolean {
    const key = `${vhost}\u0000${name}`;
    const before = this.byKey.get(key);
    if (!before) return false;
    this.patterns.delete(before);
    this.byKey.delete(key);
    this.onChange?.();
    return true;
  }

  deleteVhost(vhost: string): void {
    for (const p of this.list(vhost)) this.delete(vhost, p.name);
  }

  /** The policy in force for a queue (of `queueType`) or exchange: matching pattern and apply-to, highest priority. */
  match(vhost: string, kind: 'queue' | 'exchange', name: string, queueType = 'classic'): Policy | undefined {
    let best: Policy | undefined;
    for (const p of this.byKey.values()) {
      if (p.vhost !== vhost) continue;
      if (!applies(p.applyTo, kind, queueType)) continue;
      if (!this.patterns.get(p)!.test(name)) continue;
      if (!best || p.priority > best.priority || (p.priority === best.priority && p.name > best.name)) best = p;
    }
    return best;
  }

  /** The definition keys of the matching policy that apply to this kind of object. */
  effectiveDefinition(vhost: string, kind: 'queue' | 'exchange', name: string, queueType = 'classic'): Record<string, unknown> {
    const p = this.match(vhost, kind, name, queueType);
    if (!p) return {};
    const keys = kind === 'queue' ? QUEUE_KEYS : EXCHANGE_KEYS;
    return Object.fromEntries(Object.entries(p.definition).filter(([k]) => keys.has(k)));
  }

  /** Recomputes a queue's settings from its arguments and the policy in force. */
  applyToQueue(q: Queue): void {
    const def = this.effectiveDefinition(q.vhost, 'queue', q.name, queueTypeOf(q));
    const next = mergeQueueSettings(q.arguments, def);
    // Like RabbitMQ, only queues whose effective settings change are touched (an x-expires countdown is not restarted otherwise).
    if (JSON.stringify(next) === JSON.stringify(q.settings)) return;
    Object.assign(q.settings, next);
    q.settingsChanged();
  }

  /** Re-declares an exchange's routing entry with the alternate exchange in force. */
  applyToExchange(vhost: VirtualHost, x: Exchange): void {
    const arg = stringValue(x.arguments['alternate-exchange']);
    const fromPolicy = this.effectiveDefinition(vhost.name, 'exchange', x.name)['alternate-exchange'];
    vhost.routing.declareExchange({
      name: x.name, type: x.type, internal: x.internal,
      alternateExchange: arg ?? (typeof fromPolicy === 'string' ? fromPolicy : undefined),
    });
  }

  /** Applies the policies to every queue and exchange of a vhost (after a policy changed). */
  applyToVhost(vhost: VirtualHost): void {
    for (const q of vhost.queues.values()) this.applyToQueue(q);
    for (const x of vhost.exchanges.values()) if (x.name !== '') this.applyToExchange(vhost, x);
  }
}

function minDefined(a: number | undefined, b: unknown): number | undefined {
  if (typeof b !== 'number') return a;
  return a === undefined ? b : Math.min(a, b);
}

/** Settings from a queue's arguments merged with a policy definition, with RabbitMQ's precedence. */
export function mergeQueueSettings(queueArguments: FieldTable, def: Readonly<Record<string, unknown>>): QueueSettings {
  const args = queueSettings(queueArguments);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const explicitOverflow = queueArguments['x-overflow'] !== undefined || def.overflow === undefined;
  return {
    ...args,
    messageTtl: minDefined(args.messageTtl, def['message-ttl']),
    expires: minDefined(args.expires, def.expires),
    maxLength: minDefined(args.maxLength, def['max-length']),
    maxLengthBytes: minDefined(args.maxLengthBytes, def['max-length-bytes']),
    overflow: explicitOverflow ? args.overflow : (def.overflow as QueueSettings['overflow']),
    deadLetterExchange: args.deadLetterExchange ?? str(def['dead-letter-exchange']),
    deadLetterRoutingKey: args.deadLetterRoutingKey ?? str(def['dead-letter-routing-key']),
  };
}
