import { type RefObject, useMemo } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { Combobox } from '../../../components/Combobox.js';
import { Icon } from '../../../components/Icon.js';
import { exchangeLabel, exchangeOptions } from './exchange-options.js';
import { HeaderRows } from './HeaderRows.js';
import { RouteConfirm } from './RouteConfirm.js';
import type { RouteDraft } from './route-form.js';
import { RouteSteps } from './RouteSteps.js';
import { RouteSummary } from './RouteSummary.js';
import type { RouteExplainerResult } from './useRoutePrediction.js';
import './route.css';

export type RouteExplainerPanelProps = {
  snapshot: TopologySnapshot;
  draft: RouteDraft;
  onDraftChange: (draft: RouteDraft) => void;
  result: RouteExplainerResult;
  onClose: () => void;
  exchangeRef?: RefObject<HTMLInputElement | null>;
};

/**
 * The route explainer beside the graph: the message on top, the prediction
 * below it, recomputed on every keystroke, and the check against the broker.
 */
export function RouteExplainerPanel({ snapshot, draft, onDraftChange, result, onClose, exchangeRef }: RouteExplainerPanelProps) {
  const { prediction, headers, problems } = result;
  const firstProblem = problems.size > 0 ? 'Fix the headers marked in red first' : null;
  const options = useMemo(() => exchangeOptions(snapshot.exchanges), [snapshot.exchanges]);
  return (
    <aside
      className="route-panel"
      aria-labelledby="route-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="route-panel__header">
        <h2 className="route-panel__title" id="route-panel-title">
          Route explainer
        </h2>
        <span className="route-panel__vhost" title="Virtual host">
          {snapshot.vhost}
        </span>
        <button type="button" className="button button--ghost button--small" aria-label="Close the route explainer" title="Close (Esc)" onClick={onClose}>
          <Icon name="cross" size={14} />
        </button>
      </header>

      <div className="route-panel__body">
        <form className="route-form" aria-label="Message to explain" onSubmit={(event) => event.preventDefault()}>
          <div className="route-field">
            <label className="route-field__label" htmlFor="route-exchange">
              Exchange
            </label>
            <Combobox
              ref={exchangeRef}
              id="route-exchange"
              label="Exchange"
              commit="pick"
              value={draft.exchange}
              displayValue={exchangeLabel}
              onChange={(exchange) => onDraftChange({ ...draft, exchange })}
              options={options}
              placeholder="Search exchanges"
              emptyText="No exchange matches; Enter explains this name as typed"
            />
          </div>
          <label className="route-field">
            <span className="route-field__label">Routing key</span>
            <input
              className="input input--mono"
              id="route-key"
              placeholder="e.g. order.paid.eu"
              spellCheck={false}
              autoComplete="off"
              value={draft.routingKey}
              onChange={(event) => onDraftChange({ ...draft, routingKey: event.target.value })}
            />
          </label>
          <fieldset className="route-field">
            <legend className="route-field__label">Headers</legend>
            <HeaderRows rows={draft.headers} problems={problems} onChange={(rows) => onDraftChange({ ...draft, headers: rows })} />
          </fieldset>
        </form>

        <RouteSummary prediction={prediction} />

        <section aria-labelledby="route-path-title">
          <h3 className="route-section-title" id="route-path-title">
            Path
          </h3>
          {prediction.outcome === 'refused' || (prediction.explanation.visits.length === 0 && prediction.explanation.defaultQueue === undefined) ? (
            <p className="route-muted">Nothing is routed: the publish is refused before any exchange sees it.</p>
          ) : (
            <RouteSteps explanation={prediction.explanation} />
          )}
        </section>

        <RouteConfirm
          args={{ vhost: snapshot.vhost, exchange: draft.exchange, routingKey: draft.routingKey, headers }}
          predicted={prediction.outcome}
          blockedBy={firstProblem}
        />
      </div>
    </aside>
  );
}
