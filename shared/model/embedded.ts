import { z } from 'zod';

/** RabbitMQ's default ports: the embedded broker takes them when they are free. */
export const DEFAULT_AMQP_PORT = 5672;
export const DEFAULT_HTTP_PORT = 15672;

const port = z.number().int('A port is a whole number').min(0, 'Ports run from 0 to 65535').max(65535, 'Ports run from 0 to 65535');

/** An IPv4 or IPv6 literal: the broker binds exactly this address. Host names are refused (they may resolve to many). */
export function bindAddressProblem(value: string): string | null {
  if (value === '') return 'Bind address is required';
  const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
  if (ipv4.test(value)) return null;
  if (value.includes(':') && /^[0-9a-fA-F:.]+$/.test(value) && (value.match(/::/g) ?? []).length <= 1) return null;
  return 'Use an IP address such as 127.0.0.1, ::1 or 0.0.0.0';
}

/** True for addresses only this machine can reach. */
export function isLoopbackAddress(value: string): boolean {
  return /^127\./.test(value) || value === '::1';
}

const bindAddress = z
  .string()
  .trim()
  .max(64)
  .superRefine((v, ctx) => {
    const problem = bindAddressProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const memoryBudgetMb = z
  .number()
  .int('Memory budget is a whole number of MiB')
  .min(64, 'At least 64 MiB')
  .max(65_536, 'At most 65,536 MiB')
  .nullable();

/** What the user can change about the embedded broker; persisted in the data folder. */
export const EmbeddedSettings = z.object({
  /** Start the broker with Warren. Turning the embedded broker off is this one setting. */
  enabled: z.boolean().default(true),
  /** Wanted AMQP port; 0 = any free port. Taken at start: a free port is used and the UI says so. */
  amqpPort: port.default(DEFAULT_AMQP_PORT),
  /** Wanted management HTTP port; same rule. */
  httpPort: port.default(DEFAULT_HTTP_PORT),
  bind: bindAddress.default('127.0.0.1'),
  /** Heap limit for the broker process in MiB (Node's --max-old-space-size); null = Node's default. */
  memoryBudgetMb: memoryBudgetMb.default(null),
});
export type EmbeddedSettings = z.infer<typeof EmbeddedSettings>;

/** A change to the settings: only the fields given change. */
export const EmbeddedSettingsChange = z
  .object({ enabled: z.boolean(), amqpPort: port, httpPort: port, bind: bindAddress, memoryBudgetMb })
  .partial()
  .strict();
export type EmbeddedSettingsChange = z.infer<typeof EmbeddedSettingsChange>;

export const EmbeddedStatus = z.enum([
  /** Not running, and not meant to (off, or stopped by the user). */
  'stopped',
  'starting',
  'running',
  'stopping',
  /** Exited on its own; the supervisor starts it again at `restartAt`. */
  'restarting',
  /** Exited on its own too often, or could not start: the supervisor gave up until the user starts it. */
  'failed',
]);
export type EmbeddedStatus = z.infer<typeof EmbeddedStatus>;

/** The embedded broker as the Broker page shows it. */
export const EmbeddedState = z.object({
  status: EmbeddedStatus,
  /** Why it is in that state, in words: the last exit, a port that was taken, a start failure. */
  reason: z.string().nullable(),
  pid: z.number().nullable(),
  /** As the broker reported them in its ready line. */
  amqpUrl: z.string().nullable(),
  /** Null while the broker serves no management HTTP API. */
  httpUrl: z.string().nullable(),
  /** The ports in use, or last used. */
  amqpPort: z.number().nullable(),
  httpPort: z.number().nullable(),
  /** Set when a wanted port was taken and another one is used instead. */
  portNote: z.string().nullable(),
  /** Epoch ms of the last successful start. */
  startedAt: z.number().nullable(),
  /** Resident memory of the broker process in bytes, sampled with the state. */
  rssBytes: z.number().nullable(),
  /** The broker's data folder. */
  dataDir: z.string(),
  /** Exits the supervisor recovered from since Warren started. */
  restarts: z.number(),
  /** When the next automatic restart happens (epoch ms), while restarting. */
  restartAt: z.number().nullable(),
  /** The built-in profile that points at this broker. */
  profileId: z.string().nullable(),
  settings: EmbeddedSettings,
});
export type EmbeddedState = z.infer<typeof EmbeddedState>;

/** One line of the broker's log tail: its stderr JSON logs, and the supervisor's own notes. */
export const EmbeddedLogLine = z.object({
  /** Increases by one per line since Warren started, so a view can append without duplicates. */
  seq: z.number(),
  at: z.number(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  /** 'broker' for the broker's own lines, 'supervisor' for Warren's. */
  source: z.enum(['broker', 'supervisor']),
  text: z.string(),
});
export type EmbeddedLogLine = z.infer<typeof EmbeddedLogLine>;

/** What "Load example topology" created or found already there. */
export const ExampleTopologyResult = z.object({
  exchanges: z.array(z.string()),
  queues: z.array(z.string()),
  bindings: z.number(),
  /** Messages published; queues that already held messages get none. */
  published: z.number(),
  /** Entities that exist with other settings and were left as they are. */
  skipped: z.array(z.string()),
});
export type ExampleTopologyResult = z.infer<typeof ExampleTopologyResult>;
