import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { vhostOfAmqpUri } from '../../../shared/model/profile.js';
import { type BackoffPolicy, RECONNECT_BACKOFF, backoffDelay } from '../backoff.js';
import { diagnoseAmqpError } from '../diagnosis/amqp-diagnosis.js';
import { scrubSecret, secretOf } from '../scrub-secret.js';
import type { Logger } from '../logger.js';
import { closeQuietly } from './close-quietly.js';
import { lossReason } from '../diagnosis/loss-reason.js';
import { type AmqpEndpoint, amqpConnectArgs, hostPort } from './connect-args.js';

export type AmqpStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

export type AmqpSessionEvent =
  | { type: 'status'; status: AmqpStatus; error: string | null; retryAt: number | null }
  | { type: 'channel-error'; purpose: string; message: string; code: number | null };

export interface AmqpSession {
  readonly status: AmqpStatus;
  readonly error: string | null;
  readonly retryAt: number | null;
  on(listener: (event: AmqpSessionEvent) => void): () => void;
  /** Resolves after the first connection attempt, whatever its outcome. */
  ready(): Promise<void>;
  /**
   * A new channel on the live connection. When the broker closes it (a
   * missing queue, a precondition), the error arrives as a 'channel-error'
   * event and the connection carries on; the caller opens another.
   */
  openChannel(purpose: string): Promise<Channel>;
  /** The same, in confirm mode: publishes are acked or nacked by the broker. */
  openConfirmChannel(purpose: string): Promise<ConfirmChannel>;
  /** Skips the backoff wait and reconnects now (no-op while connected). */
  retryNow(): Promise<void>;
  close(): Promise<void>;
}

export interface AmqpSessionOptions {
  endpoint: AmqpEndpoint;
  log: Logger;
  connectTimeoutMs?: number;
  heartbeatS?: number;
  backoff?: BackoffPolicy;
  connectionName?: string;
}

/**
 * One amqplib connection per active profile, kept alive: on loss it
 * reconnects with exponential backoff (capped at 30 s) until closed. Every
 * connection and channel gets its 'error' handler, so nothing amqplib emits
 * can become an unhandled error or rejection.
 */
export function createAmqpSession(options: AmqpSessionOptions): AmqpSession {
  const { endpoint, log } = options;
  const where = hostPort(endpoint.amqpUri);
  const ctx = { where, vhost: vhostOfAmqpUri(endpoint.amqpUri), username: endpoint.username };
  const secret = secretOf(endpoint);
  const listeners = new Set<(event: AmqpSessionEvent) => void>();
  let status: AmqpStatus = 'connecting';
  let error: string | null = null;
  let retryAt: number | null = null;
  let connection: ChannelModel | null = null;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let connecting: Promise<void> | null = null;

  const emit = (event: AmqpSessionEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (err) {
        log.error('amqp session listener failed', { error: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const setStatus = (next: AmqpStatus, nextError: string | null, nextRetryAt: number | null) => {
    status = next;
    error = nextError;
    retryAt = nextRetryAt;
    emit({ type: 'status', status, error, retryAt });
  };
  // A function, not an inline comparison: `status` changes while a connect is awaited.
  const isClosed = () => status === 'closed';
  const explain = (err: unknown): string => {
    const d = diagnoseAmqpError(err, ctx);
    return scrubSecret(d.hint ? `${d.message} ${d.hint}` : d.message, secret);
  };

  function scheduleReconnect(reason: string): void {
    attempt += 1;
    const delay = backoffDelay(attempt, options.backoff ?? RECONNECT_BACKOFF);
    setStatus('disconnected', reason, Date.now() + delay);
    log.warn('amqp disconnected', { where, attempt, retryInMs: delay, error: reason });
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
  }

  function connect(): Promise<void> {
    if (connecting) return connecting;
    connecting = (async () => {
      if (isClosed()) return;
      if (status !== 'connecting') setStatus('connecting', error, null);
      let opened: ChannelModel;
      try {
        const [args, socket] = amqpConnectArgs(endpoint, {
          timeoutMs: options.connectTimeoutMs ?? 10_000,
          heartbeatS: options.heartbeatS ?? 30,
          connectionName: options.connectionName ?? 'Warren console',
        });
        opened = await amqp.connect(args, socket);
      } catch (err) {
        if (!isClosed()) scheduleReconnect(explain(err));
        return;
      }
      if (isClosed()) {
        await closeQuietly(opened);
        return;
      }
      opened.on('error', (err: Error) => log.warn('amqp connection error', { where, error: scrubSecret(err.message, secret) }));
      opened.on('blocked', (reason: string) => log.warn('amqp connection blocked by the broker', { where, reason }));
      opened.on('close', (err?: Error) => {
        if (connection !== opened) return;
        connection = null;
        if (isClosed()) return;
        scheduleReconnect(`Lost the AMQP connection to ${where}: ${lossReason(err, secret)}`);
      });
      connection = opened;
      attempt = 0;
      setStatus('connected', null, null);
      log.info('amqp connected', { where });
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  function watchChannel<C extends Channel>(channel: C, purpose: string): C {
    channel.on('error', (err: Error & { code?: number }) => {
      const message = scrubSecret(err.message, secret);
      log.warn('amqp channel error', { purpose, code: err.code ?? null, error: message });
      emit({ type: 'channel-error', purpose, message, code: typeof err.code === 'number' ? err.code : null });
    });
    return channel;
  }

  const first = connect();

  return {
    get status() {
      return status;
    },
    get error() {
      return error;
    },
    get retryAt() {
      return retryAt;
    },
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ready: () => first,

    async openChannel(purpose) {
      if (!connection) throw new Error(error ?? `Not connected to ${where}`);
      return watchChannel(await connection.createChannel(), purpose);
    },

    async openConfirmChannel(purpose) {
      if (!connection) throw new Error(error ?? `Not connected to ${where}`);
      return watchChannel(await connection.createConfirmChannel(), purpose);
    },

    async retryNow() {
      if (status === 'connected' || status === 'closed') return;
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      await connect();
    },

    async close() {
      if (status === 'closed') return;
      status = 'closed';
      if (timer) clearTimeout(timer);
      timer = null;
      const open = connection;
      connection = null;
      // An attempt still in flight sees `closed` when it lands and closes its own connection.
      if (open) await closeQuietly(open);
      emit({ type: 'status', status: 'closed', error: null, retryAt: null });
    },
  };
}
