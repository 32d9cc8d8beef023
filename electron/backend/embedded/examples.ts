import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { ExampleTopologyResult } from '../../../shared/model/embedded.js';
import { closeQuietly } from '../amqp/close-quietly.js';

/** RabbitMQ's six tutorials (rabbitmq.com/tutorials), as named entities a new user can look at. */
interface ExampleQueue {
  name: string;
  durable: boolean;
  /** Sample messages published when the queue is empty. */
  samples: string[];
}
interface ExampleExchange {
  name: string;
  type: 'fanout' | 'direct' | 'topic';
  bindings: { queue: string; key: string }[];
  /** Published through the exchange (routing key, body) when its first bound queue is empty. */
  samples: { key: string; body: string }[];
}

export const EXAMPLE_QUEUES: readonly ExampleQueue[] = [
  // 1. "Hello World!": one queue, one message.
  { name: 'hello', durable: false, samples: ['Hello World!'] },
  // 2. Work queues: a durable queue of tasks; each dot is a second of work.
  { name: 'task_queue', durable: true, samples: ['First message.', 'Second message..', 'Third message...', 'Fourth message....', 'Fifth message.....'] },
  // 3–5: queues the exchanges below route to (the tutorials use exclusive server-named ones; named here so they stay).
  { name: 'logs.console', durable: true, samples: [] },
  { name: 'logs.archive', durable: true, samples: [] },
  { name: 'direct_logs.error', durable: true, samples: [] },
  { name: 'direct_logs.all', durable: true, samples: [] },
  { name: 'topic_logs.critical', durable: true, samples: [] },
  { name: 'topic_logs.kern', durable: true, samples: [] },
  { name: 'topic_logs.all', durable: true, samples: [] },
  // 6. RPC: requests wait here for the server; replies go to each client's callback queue.
  { name: 'rpc_queue', durable: true, samples: ['30'] },
];

export const EXAMPLE_EXCHANGES: readonly ExampleExchange[] = [
  // 3. Publish/subscribe: every bound queue gets every message.
  {
    name: 'logs',
    type: 'fanout',
    bindings: [
      { queue: 'logs.console', key: '' },
      { queue: 'logs.archive', key: '' },
    ],
    samples: [
      { key: '', body: 'info: Hello World!' },
      { key: '', body: 'warning: disk 85% full' },
    ],
  },
  // 4. Routing: by severity.
  {
    name: 'direct_logs',
    type: 'direct',
    bindings: [
      { queue: 'direct_logs.error', key: 'error' },
      { queue: 'direct_logs.all', key: 'info' },
      { queue: 'direct_logs.all', key: 'warning' },
      { queue: 'direct_logs.all', key: 'error' },
    ],
    samples: [
      { key: 'error', body: 'Run. Run. Or it will explode.' },
      { key: 'info', body: 'Cache warmed up' },
      { key: 'warning', body: 'Slow response from the payment service' },
    ],
  },
  // 5. Topics: by "<facility>.<severity>".
  {
    name: 'topic_logs',
    type: 'topic',
    bindings: [
      { queue: 'topic_logs.critical', key: '*.critical' },
      { queue: 'topic_logs.kern', key: 'kern.*' },
      { queue: 'topic_logs.all', key: '#' },
    ],
    samples: [
      { key: 'kern.critical', body: 'A critical kernel error' },
      { key: 'cron.critical', body: 'A critical cron error' },
      { key: 'kern.info', body: 'Kernel module loaded' },
      { key: 'auth.warning', body: 'Failed login for guest' },
    ],
  },
];

const isPreconditionFailed = (err: unknown): boolean => (err as { code?: unknown }).code === 406;

/**
 * Declares the tutorial topologies and publishes a few messages into empty
 * queues, so every view has something real in it. Safe to run again: AMQP
 * declarations and bindings are idempotent, full queues get no more samples,
 * and an entity that exists with other settings is left alone and reported.
 */
export async function loadExampleTopology(endpoint: { amqpUrl: string; username: string; password: string }): Promise<ExampleTopologyResult> {
  const url = new URL(endpoint.amqpUrl);
  const connection: ChannelModel = await amqp.connect(
    {
      protocol: 'amqp',
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(url.port || 5672),
      username: endpoint.username,
      password: endpoint.password,
      vhost: '/',
    },
    { timeout: 10_000, clientProperties: { connection_name: 'Warren: example topology' } },
  );
  const result: ExampleTopologyResult = { exchanges: [], queues: [], bindings: 0, published: 0, skipped: [] };
  const emptyQueues = new Set<string>();
  // Channel and connection errors also reject the call that caused them; these listeners keep
  // the emitter from throwing them a second time.
  connection.on('error', () => undefined);
  const openChannel = async (): Promise<Channel> => {
    const ch = await connection.createConfirmChannel();
    ch.on('error', () => undefined);
    return ch;
  };
  let channel: Channel;
  // A failed declaration closes the channel: the next step gets a fresh one.
  const attempt = async (label: string, step: (ch: Channel) => Promise<void>): Promise<boolean> => {
    try {
      await step(channel);
      return true;
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      result.skipped.push(label);
      channel = await openChannel();
      return false;
    }
  };
  try {
    channel = await openChannel();
    for (const queue of EXAMPLE_QUEUES) {
      const ok = await attempt(`queue ${queue.name}`, async (ch) => {
        const declared = await ch.assertQueue(queue.name, { durable: queue.durable });
        if (declared.messageCount === 0) emptyQueues.add(queue.name);
      });
      if (ok) result.queues.push(queue.name);
    }
    for (const exchange of EXAMPLE_EXCHANGES) {
      const ok = await attempt(`exchange ${exchange.name}`, async (ch) => {
        await ch.assertExchange(exchange.name, exchange.type, { durable: true });
      });
      if (!ok) continue;
      result.exchanges.push(exchange.name);
      for (const binding of exchange.bindings) {
        if (!result.queues.includes(binding.queue)) continue;
        await channel.bindQueue(binding.queue, exchange.name, binding.key);
        result.bindings++;
      }
    }

    const confirm = channel as amqp.ConfirmChannel;
    for (const queue of EXAMPLE_QUEUES) {
      if (!emptyQueues.has(queue.name)) continue;
      for (const body of queue.samples) {
        confirm.sendToQueue(queue.name, Buffer.from(body), {
          persistent: queue.durable,
          contentType: 'text/plain',
          ...(queue.name === 'rpc_queue' ? { replyTo: 'rpc_client.callback', correlationId: 'example-1' } : {}),
        });
        result.published++;
      }
    }
    for (const exchange of EXAMPLE_EXCHANGES) {
      const first = exchange.bindings[0]?.queue;
      if (!result.exchanges.includes(exchange.name) || first === undefined || !emptyQueues.has(first)) continue;
      for (const sample of exchange.samples) {
        confirm.publish(exchange.name, sample.key, Buffer.from(sample.body), { persistent: true, contentType: 'text/plain' });
        result.published++;
      }
    }
    await confirm.waitForConfirms();
    return result;
  } finally {
    await closeQuietly(connection);
  }
}
