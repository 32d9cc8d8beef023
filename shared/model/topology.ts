import { z } from 'zod';

/**
 * One vhost's structure as the topology graph draws it: exchanges, queues,
 * bindings and the policies that add dead-letter and alternate exchanges.
 * No counts: live numbers come from the sampler's inventory, so the snapshot
 * is fetched only when the structure changes.
 */
const args = z.record(z.string(), z.unknown());

export const TopologyExchange = z.object({
  name: z.string(),
  type: z.string(),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  internal: z.boolean(),
  arguments: args,
  /** The policy the broker says applies, when it says. */
  policy: z.string().nullable(),
});
export type TopologyExchange = z.infer<typeof TopologyExchange>;

export const TopologyQueue = z.object({
  name: z.string(),
  /** classic, quorum or stream: policies can apply to one kind only. */
  type: z.string(),
  durable: z.boolean(),
  autoDelete: z.boolean(),
  exclusive: z.boolean(),
  arguments: args,
  policy: z.string().nullable(),
});
export type TopologyQueue = z.infer<typeof TopologyQueue>;

export const TopologyBinding = z.object({
  source: z.string(),
  destination: z.string(),
  destinationType: z.enum(['queue', 'exchange']),
  routingKey: z.string(),
  arguments: args,
  propertiesKey: z.string(),
});
export type TopologyBinding = z.infer<typeof TopologyBinding>;

export const PolicyApplyTo = z.enum(['all', 'queues', 'exchanges', 'classic_queues', 'quorum_queues', 'streams']);
export type PolicyApplyTo = z.infer<typeof PolicyApplyTo>;

export const TopologyPolicy = z.object({
  name: z.string(),
  pattern: z.string(),
  applyTo: PolicyApplyTo,
  priority: z.number(),
  definition: args,
});
export type TopologyPolicy = z.infer<typeof TopologyPolicy>;

export const TopologySnapshot = z.object({
  vhost: z.string(),
  exchanges: z.array(TopologyExchange),
  queues: z.array(TopologyQueue),
  bindings: z.array(TopologyBinding),
  policies: z.array(TopologyPolicy),
  /** Operator policies (limits an operator imposes); empty where the broker has none or serves none. */
  operatorPolicies: z.array(TopologyPolicy),
  fetchedAt: z.number(),
});
export type TopologySnapshot = z.infer<typeof TopologySnapshot>;
