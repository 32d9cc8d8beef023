import type { ConsoleClient } from '../../shared/api/contract.js';
import type { TopologySnapshot } from '../../shared/model/topology.js';
import type { PublishMessage, PublishProgress, PublishRepeat, PublishResult } from '../../shared/model/workbench/publish.js';
import { errorMessage } from '../state/consoleStore.js';
import { returnReason } from './publish-route-reason.js';
import { bodySource } from './publish-upload.js';

export type RunPhase = 'uploading' | 'publishing' | 'done' | 'failed';

/** One press of Publish: its upload, its live progress, then the broker's outcomes. */
export interface PublishRun {
  readonly id: string;
  readonly startedAt: number;
  readonly vhost: string;
  readonly message: Omit<PublishMessage, 'body' | 'vhost'>;
  readonly repeat: PublishRepeat;
  readonly phase: RunPhase;
  readonly upload: { readonly sent: number; readonly total: number } | null;
  readonly progress: PublishProgress | null;
  readonly result: PublishResult | null;
  /** Why the call itself failed (not connected, a bad upload…); refusals by the broker are in `result`. */
  readonly error: string | null;
  /** For returned publishes: why nothing took them, by routing key, from the route explainer's logic. */
  readonly returnReasons: Readonly<Record<string, string>>;
}

export interface RunRequest {
  readonly vhost: string;
  readonly message: Omit<PublishMessage, 'body' | 'vhost'>;
  readonly repeat: PublishRepeat;
  readonly body: Uint8Array;
  /** The vhost's topology when the outcomes arrive, to explain returns with. */
  readonly snapshot: () => TopologySnapshot | null;
}

/** Runs kept for the results list; older ones drop off. */
const KEPT_RUNS = 20;

/**
 * The page's publish runs, outliving the Publish view (a run at a rate for an
 * hour goes on while the user looks elsewhere, and its outcome waits for them).
 */
export interface RunLog {
  runs(): readonly PublishRun[];
  subscribe(listener: () => void): () => void;
  start(request: RunRequest): Promise<PublishRun>;
  cancel(id: string): void;
}

export function createRunLog(client: ConsoleClient): RunLog {
  let runs: readonly PublishRun[] = [];
  const listeners = new Set<() => void>();
  const cancelled = new Set<string>();

  const update = (id: string, change: (run: PublishRun) => PublishRun): PublishRun | undefined => {
    let updated: PublishRun | undefined;
    runs = runs.map((run) => (run.id === id ? (updated = change(run)) : run));
    for (const listener of [...listeners]) listener();
    return updated;
  };

  client.on('workbench.publishProgress', (progress) => {
    if (runs.some((r) => r.id === progress.publishId && r.phase === 'publishing')) update(progress.publishId, (run) => ({ ...run, progress }));
  });

  const reasonsOf = (result: PublishResult, request: RunRequest): Record<string, string> => {
    const snapshot = request.snapshot();
    const reasons: Record<string, string> = {};
    if (snapshot === null) return reasons;
    for (const outcome of result.outcomes) {
      if (outcome.outcome !== 'returned' || Object.hasOwn(reasons, outcome.routingKey)) continue;
      reasons[outcome.routingKey] = returnReason(snapshot, { exchange: request.message.exchange, routingKey: outcome.routingKey, headers: request.message.headers });
    }
    return reasons;
  };

  return {
    runs: () => runs,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async start(request) {
      const id = crypto.randomUUID();
      const run: PublishRun = {
        id,
        startedAt: Date.now(),
        vhost: request.vhost,
        message: request.message,
        repeat: request.repeat,
        phase: 'uploading',
        upload: null,
        progress: null,
        result: null,
        error: null,
        returnReasons: {},
      };
      runs = [run, ...runs].slice(0, KEPT_RUNS);
      for (const listener of [...listeners]) listener();
      try {
        const body = await bodySource(client, request.body, (sent, total) => update(id, (r) => ({ ...r, upload: { sent, total } })), () => cancelled.has(id));
        if (body === null) return update(id, (r) => ({ ...r, phase: 'failed', error: 'Cancelled during the upload: nothing was published.' })) as PublishRun;
        update(id, (r) => ({ ...r, phase: 'publishing' }));
        const result = await client.call('workbench.publish', { ...request.message, vhost: request.vhost, body, publishId: id, repeat: request.repeat });
        return update(id, (r) => ({ ...r, phase: 'done', result, returnReasons: reasonsOf(result, request) })) as PublishRun;
      } catch (error) {
        return update(id, (r) => ({ ...r, phase: 'failed', error: errorMessage(error) })) as PublishRun;
      } finally {
        cancelled.delete(id);
      }
    },
    cancel(id) {
      const run = runs.find((r) => r.id === id);
      if (!run) return;
      if (run.phase === 'uploading') cancelled.add(id);
      else if (run.phase === 'publishing') void client.call('workbench.publishCancel', { publishId: id }).catch(() => undefined);
    },
  };
}
