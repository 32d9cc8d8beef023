// Policies as RabbitMQ applies them (rabbit_policy): per vhost, a regular
// expression over queue or exchange names, apply-to queues|exchanges|all, the
// highest priority match wins (ties: the later name in sort order loses, as
// RabbitMQ sorts by priority then name). Queue arguments take precedence as in
// rabbit_amqqueue_process's args/policy table: message-ttl, expires,
// max-length and max-length-bytes take the lower of argument and policy;
// overflow, dead-letter-exchange and dead-letter-routing-key take the argument
// when there is one; exchanges' alternate-exchange argument wins over the policy.
import { queueSettings, type QueueSettings } from '../queue-arguments.js';
import type { Queue } from '../queue.js';
import type { Exchange, VirtualHost } from '../vhost.js';
import { stringValue, type FieldTable } from '../protocol/field-table.js';

export type ApplyTo = 'queues' | 'exchanges' | 'all';

export interface Policy {
  readonly vhost: string;
  readonly name: string;
  readonly pattern: string;
  readonly applyTo: ApplyTo;
  readonly priority: number;
  readonly definition: Readonly<Record<string, unknown>>;
}

/** The definition keys this broker acts on, with the JSON type each needs. */
export const POLICY_KEYS: Readonly<Record<string, 'integer' | 'string' | 'overflow'>> = {
  'message-ttl': 'integer',
  expires: 'integer',
  'max-length': 'integer',
  'max-length-bytes': 'integer',
  overflow: 'overflow',
  'dead-letter-exchange': 'string',
  'dead-letter-routing-key': 'string',
  'alternate-exchange': 'string',
};

const QUEUE_KEYS = new Set(['message-ttl', 'expires', 'max-length', 'max-length-bytes', 'overflow', 'dead-letter-exchange', 'dead-letter-routing-key']);
const EXCHANGE_KEYS = new Set(['alternate-exchange']);

/** RabbitMQ's validation messages for a policy body; empty when valid. */
export function policyProblems(body: { pattern?: unknown; definition?: unknown; priority?: unknown; 'apply-to'?: unknown }): string[] {
  const problems: string[] = [];
  if (typeof body.pattern !== 'string') problems.push('pattern must be a string');
  else {
    try {
      new RegExp(body.pattern);
    } catch (err) {
      problems.push(`pattern is not a valid regular expression: ${(err as Error).message}`);
    }
  }
  if (body['apply-to'] !== undefined && !['queues', 'exchanges', 'all'].includes(body['apply-to'] as string)) {
    problems.push(`apply-to: '${String(body['apply-to'])}' is not one of queues, exchanges, all`);
  }
  if (body.priority !== undefined && !Number.isInteger(body.priority)) problems.push('priority must be an integer');
  if (body.definition === null || typeof body.definition !== 'object' || Array.isArray(body.definition)) {
    problems.push('definition must be an object');
    return problems;
  }
  const def = body.definition as Record<string, unknown>;
  if (Object.keys(def).length === 0) problems.push('definition must not be empty');
  for (const [k, v] of Object.entries(def)) {
    const kind = POLICY_KEYS[k];
    if (kind === undefined) problems.push(`[{<<"${k}">>,${JSON.stringify(v)}}] are not recognised policy settings`);
    else if (kind === 'integer' && !(Number.isInteger(v) && (v as number) >= 0)) problems.push(`${k}: ${JSON.stringify(v)} is not a non-negative integer`);
    else if (kind === 'string' && typeof v !== 'string') problems.push(`${k}: ${JSON.stringify(v)} is not a string`);
    else if (kind === 'overflow' && !['drop-head', 'reject-publish', 'reject-publish-dlx'].includes(v as string)) problems.push(`${JSON.stringify(v)} is not a valid overflow value`);
  }
  if (def.expires === 0) problems.push('expires: 0 is not a positive integer');
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

  list(vhost?: string): Policy[] {
    return [...this.byKey.values()].filter((p) => vhost === undefined || p.vhost === vhost);
  }

  get(vhost: string, name: string): Policy | undefined {
    return this.byKey.get(`${vhost}\u0000${name}`);
  }

  put(p: Policy): void {
    this.byKey.set(`${p.vhost}\u0000${p.name}`, p);
  }

  delete(vhost: string, name: string): boolean {
    return this.byKey.delete(`${vhost}\u0000${name}`);
  }

  deleteVhost(vhost: string): void {
    for (const p of this.list(vhost)) this.delete(vhost, p.name);
  }

  /** The policy in force for a queue or exchange: matching pattern and apply-to, highest priority. */
  match(vhost: string, kind: 'queue' | 'exchange', name: string): Policy | undefined {
    let best: Policy | undefined;
    for (const p of this.byKey.values()) {
      if (p.vhost !== vhost) continue;
      if (p.applyTo !== 'all' && p.applyTo !== (kind === 'queue' ? 'queues' : 'exchanges')) continue;
      if (!new RegExp(p.pattern).test(name)) continue;
      if (!best || p.priority > best.priority || (p.priority === best.priority && p.name > best.name)) best = p;
    }
    return best;
  }

  /** The definition keys of the matching policy that apply to this kind of object. */
  effectiveDefinition(vhost: string, kind: 'queue' | 'exchange', name: string): Record<string, unknown> {
    const p = this.match(vhost, kind, name);
    if (!p) return {};
    const keys = kind === 'queue' ? QUEUE_KEYS : EXCHANGE_KEYS;
    return Object.fromEntries(Object.entries(p.definition).filter(([k]) => keys.has(k)));
  }

  /** Recomputes a queue's settings from its arguments and the policy in force. */
  applyToQueue(q: Queue): void {
    const def = this.effectiveDefinition(q.vhost, 'queue', q.name);
    const next = mergeQueueSettings(q.arguments, def);
    const expiresChanged = next.expires !== q.settings.expires;
    Object.assign(q.settings, next);
    if (expiresChanged) q.touch();
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
