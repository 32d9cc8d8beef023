import { exampleTopology } from './example-topology.js';
import type { ScenarioCatalogue } from './scenario-spec.js';

const SEVERITIES = ['info', 'info', 'info', 'warning', 'warning', 'error'] as const;
const FACILITIES = ['kern', 'cron', 'auth'] as const;
const LEVELS = ['info', 'warning', 'critical'] as const;

/** info three times as often as error, warning twice: a believable log stream. */
export const severityKey = (n: number): string => SEVERITIES[n % SEVERITIES.length]!;
/** Every facility with every level once in nine messages: kern.info, cron.info, auth.info, kern.warning, … */
export const topicKey = (n: number): string => `${FACILITIES[n % FACILITIES.length]}.${LEVELS[Math.floor(n / FACILITIES.length) % LEVELS.length]}`;
/** Arguments 10 to 30, so replies vary and stay cheap to compute. */
export const rpcArgument = (n: number): number => 10 + (n % 21);

/**
 * RabbitMQ's six tutorials as live scenarios, declared on the entities of the example topology
 * (electron/backend/embedded/examples.ts).
 */
export const SCENARIOS: ScenarioCatalogue = {
  'hello-world': {
    info: {
      id: 'hello-world',
      title: 'Hello World',
      summary: 'One producer, one queue, one consumer.',
      explanation: [
        'The simplest thing that does something: a producer sends messages to the queue “hello” through the default exchange, and a consumer receives them.',
        'Watch the queue’s publish and deliver rates rise together while its ready count stays near zero: the consumer keeps up with auto-ack.',
      ],
      exchanges: [],
      queues: ['hello'],
    },
    topology: exampleTopology({ queues: ['hello'], exchanges: [] }),
    actors: [
      { kind: 'producer', name: 'send', detail: '5 msg/s to “hello”', ratePerSecond: 5, exchange: '', key: () => 'hello', body: (n) => `Hello World! #${n + 1}`, persistent: false },
      { kind: 'consumer', name: 'receive', detail: 'auto-ack', queue: 'hello' },
    ],
  },
  'work-queues': {
    info: {
      id: 'work-queues',
      title: 'Work queues',
      summary: 'Tasks shared between a fast and a slow worker with fair dispatch (prefetch 1).',
      explanation: [
        'A producer puts tasks on the durable queue “task_queue”; two workers take them with prefetch 1 and acknowledge each task when done.',
        'Prefetch 1 is fair dispatch: the broker gives a worker a new task only once it has acknowledged the last one, so the fast worker does most of the work.',
        'Tasks arrive faster than both workers together can finish them: watch the ready count climb, and the unacked count stay at 2, one task per worker.',
      ],
      exchanges: [],
      queues: ['task_queue'],
    },
    topology: exampleTopology({ queues: ['task_queue'], exchanges: [] }),
    actors: [
      { kind: 'producer', name: 'new_task', detail: '6 tasks/s, persistent', ratePerSecond: 6, exchange: '', key: () => 'task_queue', body: (n) => `Task ${n + 1}${'.'.repeat(1 + (n % 3))}`, persistent: true },
      { kind: 'consumer', name: 'worker (fast)', detail: 'prefetch 1, 0.25 s per task, manual ack', queue: 'task_queue', workMs: 250, prefetch: 1 },
      { kind: 'consumer', name: 'worker (slow)', detail: 'prefetch 1, 2 s per task, manual ack', queue: 'task_queue', workMs: 2000, prefetch: 1 },
    ],
  },
  'publish-subscribe': {
    info: {
      id: 'publish-subscribe',
      title: 'Publish/Subscribe',
      summary: 'A fanout exchange copies every log line to every bound queue.',
      explanation: [
        'The producer publishes log lines to the fanout exchange “logs”, which ignores routing keys and copies each message to every queue bound to it.',
        'Two subscribers, one on “logs.console” and one on “logs.archive”, each receive every message: both count as many messages as the producer sent.',
      ],
      exchanges: ['logs'],
      queues: ['logs.console', 'logs.archive'],
    },
    topology: exampleTopology({ queues: ['logs.console', 'logs.archive'], exchanges: ['logs'] }),
    actors: [
      { kind: 'producer', name: 'emit_log', detail: '5 msg/s to “logs”', ratePerSecond: 5, exchange: 'logs', key: () => '', body: (n) => `log line ${n + 1}`, persistent: false },
      { kind: 'consumer', name: 'receive_logs (console)', detail: 'auto-ack on “logs.console”', queue: 'logs.console' },
      { kind: 'consumer', name: 'receive_logs (archive)', detail: 'auto-ack on “logs.archive”', queue: 'logs.archive' },
    ],
  },
  routing: {
    info: {
      id: 'routing',
      title: 'Routing',
      summary: 'A direct exchange routes log lines by severity.',
      explanation: [
        'The producer publishes to the direct exchange “direct_logs” with the severity as routing key: info, warning or error.',
        '“direct_logs.error” is bound with the key error only, “direct_logs.all” with all three: the error receiver sees one message in six, the other receiver all of them.',
      ],
      exchanges: ['direct_logs'],
      queues: ['direct_logs.error', 'direct_logs.all'],
    },
    topology: exampleTopology({ queues: ['direct_logs.error', 'direct_logs.all'], exchanges: ['direct_logs'] }),
    actors: [
      { kind: 'producer', name: 'emit_log_direct', detail: '6 msg/s, keys info, warning, error (3:2:1)', ratePerSecond: 6, exchange: 'direct_logs', key: severityKey, body: (n, key) => `${key}: event ${n + 1}`, persistent: false },
      { kind: 'consumer', name: 'receive_logs_direct (error)', detail: 'auto-ack on “direct_logs.error”', queue: 'direct_logs.error' },
      { kind: 'consumer', name: 'receive_logs_direct (all)', detail: 'auto-ack on “direct_logs.all”', queue: 'direct_logs.all' },
    ],
  },
  topics: {
    info: {
      id: 'topics',
      title: 'Topics',
      summary: 'A topic exchange routes by patterns over keys like kern.critical.',
      explanation: [
        'The producer publishes to the topic exchange “topic_logs” with keys “<facility>.<severity>”: kern, cron or auth, and info, warning or critical.',
        'Bindings are patterns: “*.critical” (any facility’s critical lines), “kern.*” (everything from the kernel) and “#” (everything). kern.critical reaches all three queues.',
      ],
      exchanges: ['topic_logs'],
      queues: ['topic_logs.critical', 'topic_logs.kern', 'topic_logs.all'],
    },
    topology: exampleTopology({ queues: ['topic_logs.critical', 'topic_logs.kern', 'topic_logs.all'], exchanges: ['topic_logs'] }),
    actors: [
      { kind: 'producer', name: 'emit_log_topic', detail: '6 msg/s, keys like kern.critical, auth.info', ratePerSecond: 6, exchange: 'topic_logs', key: topicKey, body: (n, key) => `${key}: event ${n + 1}`, persistent: false },
      { kind: 'consumer', name: 'receive_logs_topic (*.critical)', detail: 'auto-ack on “topic_logs.critical”', queue: 'topic_logs.critical' },
      { kind: 'consumer', name: 'receive_logs_topic (kern.*)', detail: 'auto-ack on “topic_logs.kern”', queue: 'topic_logs.kern' },
      { kind: 'consumer', name: 'receive_logs_topic (#)', detail: 'auto-ack on “topic_logs.all”', queue: 'topic_logs.all' },
    ],
  },
  rpc: {
    info: {
      id: 'rpc',
      title: 'RPC',
      summary: 'A client calls a server through “rpc_queue” and waits for each reply.',
      explanation: [
        'The client publishes requests to “rpc_queue” with a reply-to (its own exclusive callback queue) and a correlation id; the server computes fib(n) and publishes the answer to the reply-to.',
        'The server takes one request at a time (prefetch 1) and acknowledges it after replying; the client matches each reply to its call by the correlation id. Both count as many replies as requests.',
      ],
      exchanges: [],
      queues: ['rpc_queue'],
    },
    topology: exampleTopology({ queues: ['rpc_queue'], exchanges: [] }),
    actors: [
      { kind: 'rpc-server', name: 'rpc_server', detail: 'fib(n), prefetch 1, manual ack', queue: 'rpc_queue' },
      { kind: 'rpc-client', name: 'rpc_client', detail: '2 calls/s, n from 10 to 30', queue: 'rpc_queue', ratePerSecond: 2, argument: rpcArgument },
    ],
  },
};

/** fib(n) as the tutorial's server computes it (iteratively here: the reply is the point, not the CPU). */
export function fib(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
