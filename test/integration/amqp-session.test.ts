import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AmqpSession, type AmqpSessionEvent, createAmqpSession } from '../../electron/backend/amqp/amqp-session.js';
import { memoryLogger } from '../../electron/backend/logger.js';
import { rabbitAvailable } from '../support/requirements.js';
import { RABBIT_AMQP_PORT, RABBIT_HOST, RABBIT_PASSWORD, RABBIT_URI, RABBIT_USER, uniqueName, waitFor } from './support/rabbit-admin.js';
import { type TcpProxy, createTcpProxy } from '../support/tcp-proxy.js';

const rabbit = await rabbitAvailable();
const FAST = { initialMs: 100, factor: 2, maxMs: 400, jitter: 0 };

describe.skipIf(!rabbit)('AMQP session manager against RabbitMQ', () => {
  let session: AmqpSession | null = null;
  let proxy: TcpProxy | null = null;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  afterEach(async () => {
    await session?.close();
    session = null;
    await proxy?.stop();
    proxy = null;
    expect(unhandled).toEqual([]);
  });

  const open = (uri: string, log = memoryLogger()) => {
    session = createAmqpSession({
      endpoint: { amqpUri: uri, username: RABBIT_USER, password: RABBIT_PASSWORD, tls: { rejectUnauthorized: true } },
      log,
      backoff: FAST,
    });
    const events: AmqpSessionEvent[] = [];
    session.on((e) => events.push(e));
    return { session, events, log };
  };

  it('connects, surfaces a channel error as an event, and carries on', async () => {
    const { session, events } = open(RABBIT_URI);
    await session.ready();
    expect(session.status).toBe('connected');

    const channel = await session.openChannel('probe');
    const missing = uniqueName('missing');
    await expect(channel.checkQueue(missing)).rejects.toThrow(/NOT_FOUND/);
    const channelError = await waitFor('channel-error event', () => events.find((e) => e.type === 'channel-error'));
    expect(channelError).toMatchObject({ type: 'channel-error', purpose: 'probe', code: 404 });
    expect(channelError.type === 'channel-error' && channelError.message).toContain(missing);

    expect(session.status).toBe('connected');
    const again = await session.openChannel('probe-again');
    const declared = await again.assertQueue('', { exclusive: true });
    expect(declared.queue).toMatch(/^amq\.gen-/);
    await again.close();
  });

  it('goes disconnected with a retry time when the broker goes away, and reconnects by itself when it is back', async () => {
    proxy = await createTcpProxy({ host: RABBIT_HOST, port: RABBIT_AMQP_PORT });
    const { session, events } = open(`amqp://127.0.0.1:${proxy.port}`);
    await session.ready();
    expect(session.status).toBe('connected');

    await proxy.stop();
    await waitFor('disconnected', () => session.status === 'disconnected');
    expect(session.error).toMatch(new RegExp(`127\\.0\\.0\\.1:${proxy.port}`));
    expect(session.retryAt).toBeGreaterThan(Date.now() - 1000);
    await expect(session.openChannel('while-down')).rejects.toThrow();

    await proxy.start();
    await waitFor('reconnected', () => session.status === 'connected', 10_000);
    expect(events.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.status)).toContain('disconnected');
    await (await session.openChannel('after')).close();
  });

  it('keeps retrying a broker that refuses, and retryNow tries at once', async () => {
    proxy = await createTcpProxy({ host: RABBIT_HOST, port: RABBIT_AMQP_PORT });
    await proxy.stop();
    const { session, events } = open(`amqp://127.0.0.1:${proxy.port}`);
    await session.ready();
    expect(session.status).toBe('disconnected');
    expect(session.error).toMatch(/refused/i);
    await waitFor('three attempts', () => events.filter((e) => e.type === 'status' && e.status === 'disconnected').length >= 3, 5000);

    await proxy.start();
    await session.retryNow();
    expect(session.status).toBe('connected');
  });

  it('never puts the password in its errors or logs', async () => {
    const secret = 'n0t-the-Pa55word';
    const log = memoryLogger();
    session = createAmqpSession({
      endpoint: { amqpUri: RABBIT_URI, username: RABBIT_USER, password: secret, tls: { rejectUnauthorized: true } },
      log,
      backoff: FAST,
    });
    await session.ready();
    expect(session.status).toBe('disconnected');
    expect(session.error).toMatch(/refused the login/);
    expect(`${session.error} ${log.lines.join('\n')}`).not.toContain(secret);
  });
});
