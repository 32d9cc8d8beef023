import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { amqpToolsAvailable, pikaAvailable, PYTHON, run } from './support/clients.js';
import { body, waitForDepth } from './support/messages.js';
import type { Session } from './support/session.js';
import { forEachTarget, type Target } from './support/targets.js';

/**
 * Issue section 8: the core scenarios (RabbitMQ's tutorials) with clients
 * not written in Node: pika (Python) and amqp-tools (rabbitmq-c).
 */
const pika = await pikaAvailable();
const tools = amqpToolsAvailable();
const script = fileURLToPath(new URL('./clients/pika_tutorials.py', import.meta.url));

forEachTarget((ctx) => {
  async function pikaScenario(s: Session, scenario: string): Promise<unknown> {
    const prefix = s.name('pika');
    for (const q of ['task_queue', 'rpc_queue']) s.trackQueue(`${prefix}-${q}`);
    for (const x of ['logs', 'direct_logs', 'topic_logs']) s.trackExchange(`${prefix}-${x}`);
    const { stdout } = await run(PYTHON, [script, ctx.target.host, String(ctx.target.port), prefix, scenario], { timeout: 20_000 });
    return JSON.parse(stdout) as unknown;
  }

  it.runIf(pika)('pika: work queue, two workers with prefetch 1, every task done once', async () => {
    const r = await pikaScenario(ctx.session(), 'work_queue');
    expect(r).toEqual({ all: [0, 1, 2, 3, 4, 5].map((i) => `task ${i}`), each_worker_got_some: true });
  });

  it.runIf(pika)('pika: publish/subscribe through a fanout exchange', async () => {
    const logs = ['log 0', 'log 1', 'log 2'];
    expect(await pikaScenario(ctx.session(), 'pubsub')).toEqual({ subscribers: [logs, logs] });
  });

  it.runIf(pika)('pika: routing by severity through a direct exchange', async () => {
    expect(await pikaScenario(ctx.session(), 'routing')).toEqual({ errors: ['error'], everything: ['info', 'warning', 'error'] });
  });

  it.runIf(pika)("pika: the topics tutorial's bindings and keys", async () => {
    expect(await pikaScenario(ctx.session(), 'topics')).toEqual({
      q1: ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox'],
      q2: ['quick.orange.rabbit', 'lazy.orange.elephant', 'lazy.brown.fox', 'lazy.pink.rabbit', 'lazy.orange.new.rabbit'],
    });
  });

  it.runIf(pika)('pika: RPC with a callback queue and with direct reply-to', async () => {
    const answers = [
      [1, '1'],
      [10, '55'],
      [20, '6765'],
    ];
    expect(await pikaScenario(ctx.session(), 'rpc')).toEqual({ answers });
    expect(await pikaScenario(ctx.session(), 'rpc_direct_reply_to')).toEqual({ answers });
  });

  const conn = (t: Target) => ['--server', t.host, '--port', String(t.port), '--username', 'guest', '--password', 'guest'];
  const publish = (t: Target, args: string[]) => run('/usr/bin/amqp-publish', [...conn(t), ...args], { timeout: 10_000 });
  const get = async (t: Target, queue: string) => (await run('/usr/bin/amqp-get', [...conn(t), '-q', queue], { timeout: 10_000 })).stdout;
  const consume = async (t: Target, queue: string, count: number) =>
    (await run('/usr/bin/amqp-consume', [...conn(t), '-q', queue, '-c', String(count), 'cat'], { timeout: 10_000 })).stdout;

  it.runIf(tools)('amqp-tools: work queue with persistent messages, one get at a time, then empty', async () => {
    const s = ctx.session();
    const q = s.queueName('tasks');
    await run('/usr/bin/amqp-declare-queue', [...conn(ctx.target), '-d', '-q', q], { timeout: 10_000 });
    for (const m of ['t1', 't2']) await publish(ctx.target, ['-r', q, '-p', '-b', m]);
    const ch = await s.channel();
    expect(await ch.checkQueue(q)).toMatchObject({ messageCount: 2 });
    expect([await get(ctx.target, q), await get(ctx.target, q)]).toEqual(['t1', 't2']);
    await expect(get(ctx.target, q)).rejects.toThrow();
  });

  it.runIf(tools)('amqp-tools: publish/subscribe, routing and topics through exchanges', async () => {
    const s = ctx.session();
    const ch = await s.channel();
    const [fan, direct, topic] = [s.exchangeName('fan'), s.exchangeName('direct'), s.exchangeName('topic')];
    await ch.assertExchange(fan, 'fanout', { durable: false });
    await ch.assertExchange(direct, 'direct', { durable: false });
    await ch.assertExchange(topic, 'topic', { durable: false });
    const [sub1, sub2, errors, orange] = [s.queueName('sub1'), s.queueName('sub2'), s.queueName('errors'), s.queueName('orange')];
    for (const q of [sub1, sub2, errors, orange]) await ch.assertQueue(q);
    await ch.bindQueue(sub1, fan, '');
    await ch.bindQueue(sub2, fan, '');
    await ch.bindQueue(errors, direct, 'error');
    await ch.bindQueue(orange, topic, '*.orange.*');
    await publish(ctx.target, ['-e', fan, '-b', 'broadcast\n']);
    for (const severity of ['info', 'error']) await publish(ctx.target, ['-e', direct, '-r', severity, '-b', `${severity}\n`]);
    for (const key of ['quick.orange.fox', 'lazy.brown.fox', 'orange']) await publish(ctx.target, ['-e', topic, '-r', key, '-b', `${key}\n`]);
    await waitForDepth(ch, orange, 1);
    expect({
      sub1: await consume(ctx.target, sub1, 1),
      sub2: await consume(ctx.target, sub2, 1),
      errors: await consume(ctx.target, errors, 1),
      orange: await consume(ctx.target, orange, 1),
    }).toEqual({ sub1: 'broadcast\n', sub2: 'broadcast\n', errors: 'error\n', orange: 'quick.orange.fox\n' });
  });

  it.runIf(tools)('amqp-tools: RPC request with reply-to, answered by an amqplib server', async () => {
    const s = ctx.session();
    const server = await s.channel();
    const [rpcQueue, replies] = [s.queueName('rpc'), s.queueName('replies')];
    await server.assertQueue(rpcQueue);
    await server.assertQueue(replies);
    await server.consume(rpcQueue, (m) => {
      if (m === null) return;
      server.sendToQueue(m.properties.replyTo as string, Buffer.from(`pong:${body(m)}`));
      server.ack(m);
    });
    await publish(ctx.target, ['-r', rpcQueue, '-t', replies, '-b', 'ping']);
    await waitForDepth(server, replies, 1);
    expect(await get(ctx.target, replies)).toBe('pong:ping');
  });
});
