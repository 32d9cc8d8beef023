import { useState } from 'react';
import type { RoutePrediction } from '../../../../shared/topology/route-prediction.js';
import { Icon } from '../../../components/Icon.js';

export const OUTCOME_LABEL = {
  routed: 'Routed',
  returned: 'Returned',
  refused: 'Refused',
  unknown: 'Cannot predict',
} as const;

function detail(p: RoutePrediction): string {
  const n = p.queues.length;
  switch (p.outcome) {
    case 'routed':
      return `Delivered to ${n} ${n === 1 ? 'queue' : 'queues'}.`;
    case 'returned':
      return 'No queue is reached: a mandatory publish comes back with 312 NO_ROUTE; without mandatory the message is dropped.';
    case 'refused':
      return `The broker closes the channel: ${p.refusal?.code ?? ''} ${p.refusal?.text ?? ''}`.trim();
    case 'unknown':
      return `The message passes through ${p.unpredictable.map((u) => `'${u.exchange}' (${u.type})`).join(', ')}: Warren cannot route that exchange type.`;
  }
}

/** Queue chips drawn at once; a fanout may reach thousands, and the count says how many. */
const QUEUES_SHOWN = 60;

/** The prediction in one line, and the queues reached. */
export function RouteSummary({ prediction }: { prediction: RoutePrediction }) {
  const { explanation } = prediction;
  const [allQueues, setAllQueues] = useState(false);
  const queues = allQueues ? prediction.queues : prediction.queues.slice(0, QUEUES_SHOWN);
  const icon = prediction.outcome === 'routed' ? 'check' : prediction.outcome === 'unknown' ? 'warning' : 'cross';
  return (
    <section className={`route-summary route-summary--${prediction.outcome}`} aria-labelledby="route-summary-title" aria-live="polite">
      <h3 className="route-summary__title" id="route-summary-title">
        <Icon name={icon} size={14} />
        <span>
          Prediction: <strong data-testid="route-prediction">{OUTCOME_LABEL[prediction.outcome]}</strong>
        </span>
      </h3>
      <p className="route-summary__detail">{detail(prediction)}</p>
      {explanation.routingKeys.length > 1 ? (
        <p className="route-summary__keys">
          Routing keys (the key, then CC and BCC):{' '}
          {explanation.routingKeys.map((k, i) => (
            <code key={i} className="route-name">
              {k}
            </code>
          ))}
        </p>
      ) : null}
      {prediction.queues.length > 0 ? (
        <ul className="route-queues" aria-label="Queues reached">
          {queues.map((q) => (
            <li key={q} className="route-queue">
              <Icon name="queues" size={12} />
              <span>{q}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {prediction.queues.length > queues.length ? (
        <button type="button" className="button button--ghost button--small route-step__more" onClick={() => setAllQueues(true)}>
          Show all {prediction.queues.length} queues
        </button>
      ) : null}
    </section>
  );
}
