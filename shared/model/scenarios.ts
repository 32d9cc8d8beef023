import { z } from 'zod';

/** RabbitMQ's tutorial patterns, run live on the connected broker with simulated producers and consumers. */
export const ScenarioId = z.enum(['hello-world', 'work-queues', 'publish-subscribe', 'routing', 'topics', 'rpc']);
export type ScenarioId = z.infer<typeof ScenarioId>;

export const ScenarioInfo = z.object({
  id: ScenarioId,
  title: z.string(),
  /** One line for the list. */
  summary: z.string(),
  /** A few short paragraphs: what the pattern is for and what to watch in the charts and the graph. */
  explanation: z.array(z.string()),
  /** What it declares, so the graph can focus on it. */
  exchanges: z.array(z.string()),
  queues: z.array(z.string()),
});
export type ScenarioInfo = z.infer<typeof ScenarioInfo>;

export const ScenarioActor = z.object({
  name: z.string(),
  role: z.enum(['producer', 'consumer', 'server', 'client']),
  /** What it does, e.g. "2 msg/s, key kern.critical" or "prefetch 1, 1.5 s per message". */
  detail: z.string(),
  sent: z.number().int(),
  received: z.number().int(),
});
export type ScenarioActor = z.infer<typeof ScenarioActor>;

export const ScenarioState = z.object({
  id: ScenarioId,
  vhost: z.string(),
  status: z.enum(['starting', 'running', 'stopping', 'stopped', 'failed']),
  startedAt: z.number().nullable(),
  error: z.string().nullable(),
  actors: z.array(ScenarioActor),
});
export type ScenarioState = z.infer<typeof ScenarioState>;

export const ScenariosList = z.object({ scenarios: z.array(ScenarioInfo), running: z.array(ScenarioState) });
export type ScenariosList = z.infer<typeof ScenariosList>;
