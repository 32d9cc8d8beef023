import { z } from 'zod';

/**
 * One change to a broker's topology, as the graph editor and a definitions
 * import both express it. A change set is an ordered list of these; the
 * backend applies it over the management HTTP API, one change per request,
 * so any broker (embedded or RabbitMQ) can take it. Arguments are JSON values
 * as the management API carries them.
 */
const name = z.string().max(255);
const args = z.record(z.string(), z.unknown());

export const DeclareExchange = z.object({
  kind: z.literal('declareExchange'),
  vhost: name,
  name: name.min(1),
  type: z.string().min(1).max(255),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  internal: z.boolean(),
  arguments: args,
}).strict();

export const DeleteExchange = z.object({ kind: z.literal('deleteExchange'), vhost: name, name: name.min(1) }).strict();

export const DeclareQueue = z.object({
  kind: z.literal('declareQueue'),
  vhost: name,
  name: name.min(1),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  arguments: args,
}).strict();

export const DeleteQueue = z.object({
  kind: z.literal('deleteQueue'),
  vhost: name,
  name: name.min(1),
  /** Messages the queue held when the change was made: deleting them is shown as destructive. */
  messages: z.number().int().min(0).optional(),
}).strict();

export const BindingChange = z.object({
  vhost: name,
  source: name,
  destination: name.min(1),
  destinationType: z.enum(['queue', 'exchange']),
  routingKey: z.string().max(255),
  arguments: args,
});

export const Bind = BindingChange.extend({ kind: z.literal('bind') }).strict();
export const Unbind = BindingChange.extend({
  kind: z.literal('unbind'),
  /** The management API's properties_key, when the binding came from a listing. */
  propertiesKey: z.string().optional(),
}).strict();

export const PutVhost = z.object({ kind: z.literal('putVhost'), name: name.min(1), description: z.string().optional(), tags: z.array(z.string()).optional() }).strict();
export const DeleteVhost = z.object({ kind: z.literal('deleteVhost'), name: name.min(1) }).strict();

export const PutUser = z.object({
  kind: z.literal('putUser'),
  name: name.min(1),
  passwordHash: z.string(),
  hashingAlgorithm: z.string().optional(),
  tags: z.array(z.string()),
}).strict();
export const DeleteUser = z.object({ kind: z.literal('deleteUser'), name: name.min(1) }).strict();

export const PutPermission = z.object({
  kind: z.literal('putPermission'),
  user: name.min(1),
  vhost: name,
  configure: z.string(),
  write: z.string(),
  read: z.string(),
}).strict();
export const DeletePermission = z.object({ kind: z.literal('deletePermission'), user: name.min(1), vhost: name }).strict();

export const PutPolicy = z.object({
  kind: z.literal('putPolicy'),
  vhost: name,
  name: name.min(1),
  pattern: z.string(),
  applyTo: z.enum(['all', 'queues', 'exchanges', 'classic_queues', 'quorum_queues', 'streams']),
  priority: z.number().int(),
  definition: args,
}).strict();
export const DeletePolicy = z.object({ kind: z.literal('deletePolicy'), vhost: name, name: name.min(1) }).strict();

/** A user's topic permission on one topic exchange of a vhost. */
export const PutTopicPermission = z.object({
  kind: z.literal('putTopicPermission'),
  user: name.min(1),
  vhost: name,
  exchange: name,
  write: z.string(),
  read: z.string(),
}).strict();
/** Without an exchange: all of the user's topic permissions in the vhost (the API's DELETE removes them all). */
export const DeleteTopicPermission = z.object({ kind: z.literal('deleteTopicPermission'), user: name.min(1), vhost: name, exchange: name.optional() }).strict();

/** A vhost-scoped runtime parameter (vhost-limits, federation-upstream, shovel...). */
export const PutParameter = z.object({ kind: z.literal('putParameter'), component: name.min(1), vhost: name, name: name.min(1), value: z.unknown() }).strict();
export const DeleteParameter = z.object({ kind: z.literal('deleteParameter'), component: name.min(1), vhost: name, name: name.min(1) }).strict();

export const PutGlobalParameter = z.object({ kind: z.literal('putGlobalParameter'), name: name.min(1), value: z.unknown() }).strict();
export const DeleteGlobalParameter = z.object({ kind: z.literal('deleteGlobalParameter'), name: name.min(1) }).strict();

export const Change = z.discriminatedUnion('kind', [
  DeclareExchange, DeleteExchange, DeclareQueue, DeleteQueue, Bind, Unbind,
  PutVhost, DeleteVhost, PutUser, DeleteUser, PutPermission, DeletePermission, PutPolicy, DeletePolicy,
  PutTopicPermission, DeleteTopicPermission, PutParameter, DeleteParameter, PutGlobalParameter, DeleteGlobalParameter,
]);
export type Change = z.infer<typeof Change>;
export type ChangeKind = Change['kind'];

/** The outcome of applying one change of a set. */
export const ChangeOutcome = z.object({
  index: z.number().int().min(0),
  status: z.enum(['applied', 'failed', 'not-attempted', 'rolled-back']),
  /** The broker's reason, for a failed change. */
  error: z.string().optional(),
});
export type ChangeOutcome = z.infer<typeof ChangeOutcome>;

export const ApplyResult = z.object({
  ok: z.boolean(),
  outcomes: z.array(ChangeOutcome),
});
export type ApplyResult = z.infer<typeof ApplyResult>;

/** Pushed while a change set is applied. */
export const ApplyProgress = z.object({
  /** The id the caller gave topology.apply, so several views can tell their runs apart. */
  applyId: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** The change being applied now, as its index in the set; null when finished. */
  current: z.number().int().min(0).nullable(),
  phase: z.enum(['applying', 'rolling-back', 'done']),
});
export type ApplyProgress = z.infer<typeof ApplyProgress>;
