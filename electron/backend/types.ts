import type { BackoffPolicy } from './backoff.js';
import type { EventName, EventPayload } from '../../shared/api/contract.js';
import type { Dispatch } from './dispatch.js';
import type { LaunchBroker } from './embedded/launcher.js';
import type { SupervisorOptions } from './embedded/supervisor.js';
import type { Logger } from './logger.js';

/**
 * Encrypts secrets at rest. Electron main passes one backed by safeStorage;
 * web mode passes none and relies on the 0600 file mode instead.
 */
export interface SecretBox {
  /** A short name for logs and the UI: "safeStorage (libsecret)", "none". */
  readonly kind: string;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The console backend as a transport sees it: one dispatch function and one event stream. */
export interface Backend {
  dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  transport: 'electron' | 'web';
  version: string;
  log: Logger;
  secretBox?: SecretBox;
  /**
   * The embedded broker. Absent: it is not started with the backend (tests),
   * though the Broker page can still start it.
   */
  embedded?: {
    /** Start it now when its settings say it is on; false for --no-embedded. */
    autoStart: boolean;
    /** How to run its process; child_process.fork when absent, utilityProcess in Electron. */
    launch?: LaunchBroker;
    /** Tuning for tests. */
    tuning?: Pick<SupervisorOptions, 'program' | 'backoff' | 'stopTimeoutMs' | 'readyTimeoutMs' | 'stableAfterMs' | 'maxRestarts' | 'memoryIntervalMs'>;
  };
  /** Tuning for tests and the benchmark; the defaults suit the app. */
  session?: {
    /** Per management request while sampling (default 30 s). */
    httpTimeoutMs?: number;
    /** Reconnect and resample backoff (default 1 s doubling to 30 s). */
    backoff?: BackoffPolicy;
    /** How long session.connect and session.retry wait for the attempt before answering the state so far (default 12 s). */
    connectAnswerWithinMs?: number;
  };
}
