import { ApiError } from '../../../shared/api/errors.js';
import { computeInventoryDelta } from '../../../shared/inventory/delta.js';
import { type Inventory, emptyInventory } from '../../../shared/model/inventory.js';
import type { SessionState } from '../../../shared/model/session.js';
import { type AmqpSession, createAmqpSession } from '../amqp/amqp-session.js';
import type { BackoffPolicy } from '../backoff.js';
import { diagnoseHttpError } from '../diagnosis/http-diagnosis.js';
import { scrubSecret, secretOf } from '../scrub-secret.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import { type ManagementClient, createManagementClient } from '../management/management-client.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { RecordedSample } from '../history/history-recorder.js';
import { DEFAULT_INTERVAL_MS, type Sampler, type SamplerHealth, createSampler } from '../sampler/sampler.js';
import { TlsFileError, type TlsMaterial, loadTlsMaterial } from '../tls/tls-material.js';

/**
 * Per management request while sampling. Generous on purpose: RabbitMQ 3.10
 * took 2–7 s to list 10,000 queues on a busy 2-core machine, and a timeout
 * below that would turn a large broker into a permanently "disconnected" one.
 * A stopped broker is still noticed at once (connection refused).
 */
export const SAMPLE_REQUEST_TIMEOUT_MS = 30_000;

/** session.connect and session.retry answer within this, whatever the broker does. */
export const CONNECT_ANSWER_WITHIN_MS = 12_000;

export interface SessionControllerOptions {
  store: ProfileStore;
  hub: EventHub;
  log: Logger;
  /** Per management request; a sample is abandoned (and retried with backoff) past it. */
  httpTimeoutMs?: number;
  backoff?: BackoffPolicy;
  connectAnswerWithinMs?: number;
  /** Where every sample goes besides the views (history, alerts); a failure or a stop leaves a gap in the history. */
  history?: {
    record(profileId: string, sample: RecordedSample, intervalMs: number): void;
    markBreak(profileId: string): void;
  };
}

export interface SessionController {
  state(): SessionState;
  connect(profileId: string): Promise<SessionState>;
  disconnect(): Promise<SessionState>;
  retry(): Promise<SessionState>;
  configure(change: { intervalMs?: number | undefined; hidden?: boolean | undefined }): SessionState;
  snapshot(): { seq: number; inventory: Inventory };
  /**
   * The connected broker's management client and AMQP session, for features
   * that act on it (topology, definitions, publish); ApiError('not_connected') when idle.
   */
  broker(): ConnectedBroker;
  close(): Promise<void>;
}

export interface ConnectedBroker {
  profileId: string;
  management: ManagementClient;
  amqp: AmqpSession;
}

interface Active {
  profileId: string;
  management: ManagementClient;
  amqp: AmqpSession;
  sampler: Sampler;
  health: SamplerHealth;
  describeHttpFailure: (err: unknown) => string;
  stopListening: () => void;
}

/**
 * The console's one live broker session: the AMQP connection and the
 * sampler for the selected profile, and the SessionState both add up to.
 * Connected means the management API answers and AMQP is up; either one
 * failing makes it disconnected, with the reason and when it retries.
 */
export function createSessionController(options: SessionControllerOptions): SessionController {
  const { store, hub, log } = options;
  const settings = { intervalMs: DEFAULT_INTERVAL_MS, hidden: false };
  let active: Active | null = null;
  let seq = 0;
  let current: { seq: number; inventory: Inventory } = { seq: 0, inventory: emptyInventory() };
  let lastSampleAt: number | null = null;
  let lastEmitted = '';
  let switching: Promise<unknown> = Promise.resolve();

  /**
   * Waits for an attempt, but a silent network must not hold the caller: past
   * the limit the answer is the state so far, and session.state events tell the rest.
   */
  async function boundedWait(attempt: Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      attempt,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.connectAnswerWithinMs ?? CONNECT_ANSWER_WITHIN_MS);
      }),
    ]);
    clearTimeout(timer);
  }

  /**
   * Session switches (stop the old one, start the new one) run one at a time,
   * so two quick connects can never leave an orphaned session behind.
   */
  function oneAtATime<T>(step: () => Promise<T>): Promise<T> {
    const run = switching.then(step, step);
    switching = run.catch(() => undefined);
    return run;
  }

  function derive(): SessionState {
    const base = { lastSampleAt, samplerIntervalMs: settings.intervalMs, samplerPaused: settings.hidden };
    if (!active) return { status: 'idle', profileId: null, error: null, retryAt: null, ...base };
    const { health, amqp, profileId } = active;
    if (health.state === 'failing') {
      return { status: 'disconnected', profileId, error: active.describeHttpFailure(health.error), retryAt: health.retryAt, ...base };
    }
    if (amqp.status === 'disconnected') return { status: 'disconnected', profileId, error: amqp.error, retryAt: amqp.retryAt, ...base };
    if (health.state === 'waiting' || amqp.status === 'connecting') return { status: 'connecting', profileId, error: null, retryAt: null, ...base };
    return { status: 'connected', profileId, error: null, retryAt: null, ...base };
  }

  /** Emits 'session.state' when it changed; returns it. */
  function publishState(): SessionState {
    const state = derive();
    const text = JSON.stringify(state);
    if (text !== lastEmitted) {
      const before = lastEmitted ? (JSON.parse(lastEmitted) as SessionState).status : null;
      lastEmitted = text;
      if (before !== state.status) log.info('session state', { status: state.status, profileId: state.profileId, error: state.error });
      hub.emit('session.state', state);
    }
    return state;
  }

  async function stopActive(): Promise<void> {
    const stopping = active;
    if (!stopping) return;
    active = null;
    stopping.stopListening();
    stopping.sampler.stop();
    options.history?.markBreak(stopping.profileId);
    await stopping.amqp.close();
  }

  function clearInventory(): void {
    const delta = computeInventoryDelta(null, emptyInventory(), ++seq, Date.now());
    current = { seq: delta.seq, inventory: emptyInventory() };
    lastSampleAt = null;
    hub.emit('inventory.delta', delta);
  }

  async function start(profileId: string): Promise<Active> {
    const creds = await store.credentials(profileId);
    let tls: TlsMaterial;
    try {
      tls = await loadTlsMaterial(creds.tls);
    } catch (err) {
      throw new ApiError('broker', err instanceof TlsFileError ? err.message : String(err));
    }
    await stopActive();
    clearInventory();

    const client = createManagementClient({
      baseUrl: creds.managementUrl,
      username: creds.username,
      password: creds.password,
      tls,
      timeoutMs: options.httpTimeoutMs ?? SAMPLE_REQUEST_TIMEOUT_MS,
    });
    const amqp = createAmqpSession({
      endpoint: { amqpUri: creds.amqpUri, username: creds.username, password: creds.password, tls },
      log: log.child('amqp'),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
    const session: Active = {
      profileId,
      management: client,
      amqp,
      health: { state: 'waiting' },
      describeHttpFailure: (err) => {
        const d = diagnoseHttpError(err instanceof Error && err.cause !== undefined ? err.cause : err, { baseUrl: creds.managementUrl, username: creds.username });
        return scrubSecret(d.hint ? `${d.message} ${d.hint}` : d.message, secretOf(creds));
      },
      stopListening: () => undefined,
      sampler: createSampler({
        client,
        log: log.child('sampler'),
        intervalMs: settings.intervalMs,
        hidden: settings.hidden,
        ...(options.backoff ? { backoff: options.backoff } : {}),
        nextSeq: () => ++seq,
        onSample: (inventory, delta, sample) => {
          current = { seq: delta.seq, inventory };
          lastSampleAt = delta.at;
          hub.emit('inventory.delta', delta);
          options.history?.record(profileId, { at: delta.at, queueNumbers: sample.queueNumbers, statsDisabled: sample.statsDisabled }, settings.intervalMs);
        },
        onHealth: (health) => {
          session.health = health;
          if (health.state === 'failing') {
            options.history?.markBreak(profileId);
            log.warn('sample failed', { failures: health.failures, error: session.describeHttpFailure(health.error) });
          }
          publishState();
        },
      }),
    };
    session.stopListening = amqp.on((event) => {
      if (event.type === 'status') publishState();
      else log.warn('channel closed by the broker', { purpose: event.purpose, code: event.code, error: event.message });
    });
    active = session;
    session.sampler.start();
    publishState();
    return session;
  }

  return {
    state: derive,

    async connect(profileId) {
      const session = await oneAtATime(() => start(profileId));
      // The answer says how the first attempt went, not merely "connecting".
      await boundedWait(Promise.all([session.amqp.ready(), session.sampler.runNow()]));
      return publishState();
    },

    disconnect: () =>
      oneAtATime(async () => {
        await stopActive();
        clearInventory();
        return publishState();
      }),

    async retry() {
      if (!active) throw new ApiError('not_connected', 'No broker is selected: connect to a profile first');
      await boundedWait(Promise.all([active.sampler.runNow(), active.amqp.retryNow()]));
      return publishState();
    },

    configure(change) {
      if (change.intervalMs !== undefined) settings.intervalMs = change.intervalMs;
      if (change.hidden !== undefined) settings.hidden = change.hidden;
      active?.sampler.configure(change);
      return publishState();
    },

    snapshot: () => current,

    broker() {
      if (!active) throw new ApiError('not_connected', 'No broker is connected: choose a profile first');
      return { profileId: active.profileId, management: active.management, amqp: active.amqp };
    },

    close: () => oneAtATime(stopActive),
  };
}
