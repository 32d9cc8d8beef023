import type { QueueBadge } from '../../../shared/model/inventory.js';

type Table = Record<string, unknown>;

/**
 * Each feature badge, with the queue argument and the policy key that turn it
 * on. A policy counts as much as an x-argument: that is how most production
 * queues get their TTLs and limits.
 */
const FEATURES: ReadonlyArray<{ badge: QueueBadge; argument: string; policyKey: string; when?: (value: unknown) => boolean }> = [
  { badge: 'DLX', argument: 'x-dead-letter-exchange', policyKey: 'dead-letter-exchange' },
  { badge: 'TTL', argument: 'x-message-ttl', policyKey: 'message-ttl' },
  { badge: 'Exp', argument: 'x-expires', policyKey: 'expires' },
  { badge: 'Lim', argument: 'x-max-length', policyKey: 'max-length' },
  { badge: 'LimB', argument: 'x-max-length-bytes', policyKey: 'max-length-bytes' },
  { badge: 'Pri', argument: 'x-max-priority', policyKey: 'max-priority' },
  { badge: 'SAC', argument: 'x-single-active-consumer', policyKey: 'single-active-consumer', when: (v) => v === true },
  { badge: 'Lazy', argument: 'x-queue-mode', policyKey: 'queue-mode', when: (v) => v === 'lazy' },
];

const present = (value: unknown): boolean => value !== undefined && value !== null;

/** Badges in a fixed order: flags first (D, AD, Excl), then features as RabbitMQ's own UI lists them. */
export function queueBadges(queue: {
  durable: boolean;
  autoDelete: boolean;
  exclusive: boolean;
  arguments: Table;
  effectivePolicy: Table;
}): QueueBadge[] {
  const badges: QueueBadge[] = [];
  if (queue.durable) badges.push('D');
  if (queue.autoDelete) badges.push('AD');
  if (queue.exclusive) badges.push('Excl');
  for (const f of FEATURES) {
    if (enabled(f, queue.arguments[f.argument]) || enabled(f, queue.effectivePolicy[f.policyKey])) badges.push(f.badge);
  }
  return badges;
}

function enabled(feature: (typeof FEATURES)[number], value: unknown): boolean {
  return present(value) && (feature.when === undefined || feature.when(value));
}
