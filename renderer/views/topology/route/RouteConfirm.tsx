import { useEffect, useRef, useState } from 'react';
import { ROUTE_PROBE_HEADER, type RouteConfirmArgs, type RouteConfirmResult } from '../../../../shared/model/route-probe.js';
import type { PredictedOutcome } from '../../../../shared/topology/route-prediction.js';
import { Icon } from '../../../components/Icon.js';
import { errorMessage } from '../../../state/consoleStore.js';
import { useClient } from '../../../state/StoreProvider.js';
import { DEFAULT_EXCHANGE_LABEL } from './exchange-options.js';
import { OUTCOME_LABEL } from './RouteSummary.js';

type Attempt = { key: string } & ({ state: 'sending' } | { state: 'done'; result: RouteConfirmResult } | { state: 'failed'; error: string });

const BROKER_LABEL: Record<RouteConfirmResult['outcome'], string> = {
  routed: 'Routed',
  returned: 'Returned',
  refused: 'Refused',
  nacked: 'Routed, then nacked',
};

/** Whether the broker did what was predicted; null when there was no prediction to hold it to. */
export function agrees(predicted: PredictedOutcome, broker: RouteConfirmResult['outcome']): boolean | null {
  if (predicted === 'unknown') return null;
  // A nack means the message was routed and a queue refused it (x-overflow reject-publish): the route was right.
  return predicted === broker || (predicted === 'routed' && broker === 'nacked');
}

function brokerDetail(r: RouteConfirmResult): string | null {
  if (r.outcome === 'nacked') return 'A queue refused it (for example a full queue with overflow reject-publish).';
  if (r.replyCode === undefined && r.replyText === undefined) return null;
  return [r.replyCode, r.replyText].filter((x) => x !== undefined).join(' ');
}

export type RouteConfirmProps = {
  args: RouteConfirmArgs;
  predicted: PredictedOutcome;
  /** Why the probe cannot be sent as the form stands (a header that does not parse). */
  blockedBy: string | null;
};

/**
 * The check against the real broker. It publishes a real message, so the
 * note above the button says what happens before anything is sent; the
 * outcome is shown only while the form still says what was sent.
 */
export function RouteConfirm({ args, predicted, blockedBy }: RouteConfirmProps) {
  const client = useClient();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const key = JSON.stringify(args);
  const current = attempt?.key === key ? attempt : null;

  const send = async () => {
    setAttempt({ key, state: 'sending' });
    try {
      const result = await client.call('route.confirm', args);
      setAttempt((a) => (a?.key === key ? { key, state: 'done', result } : a));
    } catch (error) {
      setAttempt((a) => (a?.key === key ? { key, state: 'failed', error: errorMessage(error) } : a));
    }
  };

  const verdict = current?.state === 'done' ? agrees(predicted, current.result.outcome) : null;
  // The answer lands at the foot of a scrolling panel: bring it into view.
  const answerRef = useRef<HTMLDivElement>(null);
  const answered = current?.state === 'done' || current?.state === 'failed';
  useEffect(() => {
    if (answered) answerRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [answered]);
  return (
    <section className="route-confirm" aria-labelledby="route-confirm-title">
      <h3 className="route-section-title" id="route-confirm-title">
        Check with the broker
      </h3>
      <p className="route-confirm__note">
        <Icon name="warning" size={14} />
        <span>
          Publishes one real message to <code className="route-name">{args.exchange === '' ? DEFAULT_EXCHANGE_LABEL : args.exchange}</code> in vhost{' '}
          <code className="route-name">{args.vhost}</code>, mandatory and confirmed. The queues it reaches keep it and their consumers receive it; it
          carries the header <code className="route-name">{ROUTE_PROBE_HEADER}</code> so it can be told apart.
        </span>
      </p>
      <button type="button" className="button" disabled={current?.state === 'sending' || blockedBy !== null} title={blockedBy ?? undefined} onClick={() => void send()}>
        {current?.state === 'sending' ? 'Publishing…' : 'Confirm with a real publish'}
      </button>
      {current?.state === 'failed' ? (
        <div className="form-error" role="alert" ref={answerRef}>
          {current.error}
        </div>
      ) : null}
      {current?.state === 'done' ? (
        <div className="route-compare" role="status" ref={answerRef}>
          <div className="route-compare__cell">
            <span className="route-compare__label">Predicted</span>
            <span className="route-compare__value">{OUTCOME_LABEL[predicted]}</span>
          </div>
          <div className="route-compare__cell">
            <span className="route-compare__label">Broker</span>
            <span className="route-compare__value" data-testid="route-broker-outcome">
              {BROKER_LABEL[current.result.outcome]}
            </span>
            {brokerDetail(current.result) ? <span className="route-compare__detail">{brokerDetail(current.result)}</span> : null}
          </div>
          <div className={`route-compare__verdict${verdict === true ? ' is-agree' : verdict === false ? ' is-disagree' : ''}`}>
            <Icon name={verdict === false ? 'warning' : 'check'} size={14} />
            {verdict === true ? 'Agrees' : verdict === false ? 'Disagrees: the topology may have changed since it was loaded' : 'No prediction to compare'}
          </div>
        </div>
      ) : null}
    </section>
  );
}
