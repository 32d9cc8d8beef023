import { useState } from 'react';
import type { ConsumerState } from '../../../shared/model/workbench/consume.js';
import { formatCount } from '../../format/numbers.js';
import { queueHref } from '../../navigation/routes.js';
import { errorMessage } from '../../state/consoleStore.js';
import type { ConsumeStore } from './consume-store.js';
import { MessageWorkspace } from './MessageWorkspace.js';
import { useDeadLetterInfo } from './useDeadLetterInfo.js';

const STATUS_CLASS: Record<ConsumerState['status'], string> = { running: 'state--ok', paused: 'state--warn', stopped: 'state--idle', failed: 'state--bad' };

/** What a consumer reads, in words. */
export function consumerTitle(state: ConsumerState): string {
  if (state.source.kind === 'queue') return state.source.queue;
  return `${state.source.exchange === '' ? '(default)' : state.source.exchange} ⟵ ${state.source.bindingKey === '' ? '""' : state.source.bindingKey}`;
}

/** One consumer: its state in the broker's words, its counts, Pause/Resume, Stop, Clear, and its messages. */
export function ConsumerPanel({ state, store }: { state: ConsumerState; store: ConsumeStore }) {
  const [error, setError] = useState<string | null>(null);
  const log = store.logFor(state.consumerId, state.keep);
  const deadLetter = useDeadLetterInfo(state.vhost, state.source.kind === 'queue' ? state.source.queue : '');
  const live = state.status === 'running' || state.status === 'paused';
  const act = (what: () => Promise<void>): void => {
    setError(null);
    what().catch((err: unknown) => setError(errorMessage(err)));
  };
  return (
    <section className="consume-panel" aria-label={`Consumer on ${consumerTitle(state)}`}>
      <header className="consume-panel__head">
        <span className={`state ${STATUS_CLASS[state.status]}`} aria-label={`Status: ${state.status}`}>
          {state.status}
        </span>
        <span className="consume-panel__what">
          {state.source.kind === 'queue' ? (
            <>
              Queue <a href={queueHref(state.vhost, state.source.queue)}>{state.source.queue}</a>
            </>
          ) : (
            <>
              Tapping exchange <strong>{state.source.exchange}</strong> with key <code>{state.source.bindingKey}</code>
              {state.queue ? <span className="muted"> through {state.queue}</span> : null}
            </>
          )}
          <span className="muted"> · vhost {state.vhost} · {state.ackMode} ack · prefetch {state.prefetch === 0 ? 'unlimited' : formatCount(state.prefetch)}</span>
          {deadLetter ? <span className="badge badge--arg consume-panel__dlq">dead-letter queue</span> : null}
        </span>
        <dl className="consume-panel__counts" aria-label="Counts">
          <div>
            <dt>Received</dt>
            <dd className="num">{formatCount(state.received)}</dd>
          </div>
          <div>
            <dt>Dropped</dt>
            <dd className="num" title={`The list keeps the newest ${formatCount(state.keep)}`}>
              {formatCount(state.dropped)}
            </dd>
          </div>
          <div>
            <dt>Pending</dt>
            <dd className="num">{formatCount(state.pending)}</dd>
          </div>
        </dl>
        <span className="consume-panel__buttons">
          {live ? (
            <>
              <button type="button" className="button button--small" onClick={() => act(() => store.pause(state.consumerId, state.status !== 'paused'))}>
                {state.status === 'paused' ? 'Resume' : 'Pause'}
              </button>
              <button type="button" className="button button--small" onClick={() => act(() => store.stop(state.consumerId))}>
                Stop
              </button>
            </>
          ) : (
            <button type="button" className="button button--small" onClick={() => act(() => store.clear(state.consumerId))} title="Forgets this consumer and its list">
              Clear
            </button>
          )}
        </span>
      </header>
      {state.error ? (
        <p className="consume-panel__error" role="alert">
          {state.error}
        </p>
      ) : null}
      {error ? (
        <p className="consume-panel__error" role="alert">
          {error}
        </p>
      ) : null}
      <MessageWorkspace
        key={state.consumerId}
        holderId={state.consumerId}
        vhost={state.vhost}
        log={log}
        store={store}
        settleable={state.ackMode === 'manual' && live}
        deadLetter={deadLetter}
        label={`Messages of ${consumerTitle(state)}`}
        empty={state.status === 'paused' ? 'Paused: no new messages until you resume.' : live ? 'Waiting for messages…' : 'No messages were kept.'}
      />
    </section>
  );
}
