import type { ScenarioInfo, ScenarioState } from '../../../shared/model/scenarios.js';
import { topologyHref } from '../../navigation/routes.js';
import { ScenarioActors } from './ScenarioActors.js';
import { ScenarioQueues } from './ScenarioQueues.js';
import { isActive, statusLabel } from './scenario-status.js';

interface Props {
  info: ScenarioInfo;
  state: ScenarioState | undefined;
  /** Where Start runs it: the vhost chosen in the top bar. */
  vhost: string;
  actionError: string | undefined;
  onStart(): void;
  onStop(): void;
}

/** One scenario: what it shows, Start and Stop, its actors' live counts, and links to its entities. */
export function ScenarioDetail({ info, state, vhost, actionError, onStart, onStop }: Props) {
  const active = isActive(state?.status);
  const status = statusLabel(state);
  // A run shows the vhost it runs on; otherwise Start would use the top bar's.
  const shownVhost = state && state.status !== 'stopped' ? state.vhost : vhost;
  const busy = state?.status === 'starting' || state?.status === 'stopping';
  return (
    <section className="panel scenario-detail" aria-labelledby="scenario-title">
      <header className="scenario-detail__head">
        <h2 id="scenario-title" className="scenario-detail__title">
          {info.title}
        </h2>
        <span className={`state state--${status.tone}`} role="status" aria-live="polite">
          {status.text}
        </span>
        <span className="scenario-detail__actions">
          {active ? (
            <button type="button" className="button" onClick={onStop} disabled={state?.status === 'stopping'}>
              Stop
            </button>
          ) : (
            <button type="button" className="button button--primary" onClick={onStart} disabled={busy}>
              Start on {vhost}
            </button>
          )}
        </span>
      </header>
      {state?.status === 'failed' && state.error ? (
        <p className="banner banner--error scenario-detail__error" role="alert">
          {state.error}
        </p>
      ) : null}
      {actionError ? (
        <p className="banner banner--error scenario-detail__error" role="alert">
          {actionError}
        </p>
      ) : null}
      <div className="scenario-detail__explanation">
        {info.explanation.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <h3 className="scenario-detail__subtitle">Actors</h3>
      {state && state.status !== 'stopped' ? (
        <ScenarioActors state={state} />
      ) : state ? (
        <>
          <p className="panel__note">Stopped. The counts of the last run:</p>
          <ScenarioActors state={state} />
        </>
      ) : (
        <p className="panel__note">Its producers and consumers appear here with live counts once it runs.</p>
      )}
      <h3 className="scenario-detail__subtitle">
        Topology <span className="muted">in vhost {shownVhost}</span>
      </h3>
      <ScenarioQueues vhost={shownVhost} names={info.queues} />
      <p className="scenario-detail__links">
        {info.exchanges.length > 0 ? (
          <span>
            Exchange{info.exchanges.length > 1 ? 's' : ''}: {info.exchanges.map((x) => <code key={x}>{x}</code>)}
          </span>
        ) : (
          <span className="muted">Through the default exchange.</span>
        )}
        <a href={topologyHref(shownVhost, [...info.exchanges.map((name) => ({ kind: 'exchange' as const, name })), ...info.queues.map((name) => ({ kind: 'queue' as const, name }))])}>Show in the topology graph</a>
      </p>
    </section>
  );
}
