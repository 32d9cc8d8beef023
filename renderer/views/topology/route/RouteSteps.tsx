import { useState } from 'react';
import type { BindingVerdict, ExchangeVisit, RouteExplanation } from '../../../../shared/routing/explain.js';
import { Icon } from '../../../components/Icon.js';
import { DEFAULT_EXCHANGE_LABEL } from './exchange-options.js';

/** Bindings shown before "show more": a busy exchange can have thousands, a fanout thousands that all match. */
const SKIPPED_SHOWN = 5;
const MATCHED_SHOWN = 25;

function Name({ children }: { children: string }) {
  return <code className="route-name">{children === '' ? DEFAULT_EXCHANGE_LABEL : children}</code>;
}

function reachedVia(visit: ExchangeVisit) {
  const via = visit.reachedVia;
  switch (via.kind) {
    case 'publish':
      return <>Published to this exchange</>;
    case 'binding':
      return (
        <>
          Reached through a binding from <Name>{via.from}</Name>
        </>
      );
    case 'alternate':
      return (
        <>
          Reached as the alternate exchange of <Name>{via.from}</Name>
        </>
      );
  }
}

function destinationNote(v: BindingVerdict): string | null {
  switch (v.outcome) {
    case 'exchange':
      return 'next hop';
    case 'exchange-already-visited':
      return 'already visited: not entered twice';
    case 'exchange-missing':
      return 'that exchange does not exist';
    default:
      return null;
  }
}

function BindingLine({ verdict }: { verdict: BindingVerdict }) {
  const b = verdict.binding;
  const note = destinationNote(verdict);
  return (
    <li className={`route-binding ${verdict.matched ? 'is-matched' : 'is-skipped'}`}>
      <span className="route-binding__mark" aria-hidden="true">
        <Icon name={verdict.matched ? 'check' : 'cross'} size={12} />
      </span>
      <div className="route-binding__body">
        <div className="route-binding__head">
          <span className="route-sr">{verdict.matched ? 'Matched: ' : 'Skipped: '}</span>
          <span className="route-binding__kind">{b.destinationType === 'queue' ? 'queue' : 'exchange'}</span> <Name>{b.destination}</Name>
          {b.routingKey !== '' ? (
            <>
              {' '}
              <span className="route-binding__key" title="Binding key">
                {b.routingKey}
              </span>
            </>
          ) : null}
          {note ? <span className="route-binding__note"> · {note}</span> : null}
        </div>
        <div className="route-binding__reason">{verdict.reason}</div>
      </div>
    </li>
  );
}

function AlternateLine({ alternate }: { alternate: NonNullable<ExchangeVisit['alternate']> }) {
  const text = {
    used: 'No binding matched: the message goes to the alternate exchange',
    'not-needed': 'A binding matched, so the alternate exchange is not used:',
    missing: 'No binding matched and the alternate exchange does not exist:',
    'already-visited': 'No binding matched; the alternate exchange was already visited:',
  }[alternate.outcome];
  return (
    <p className={`route-step__ae route-step__ae--${alternate.outcome}`}>
      <span className="route-step__ae-tag">AE</span> {text} <Name>{alternate.exchange}</Name>
    </p>
  );
}

function VisitStep({ visit, index }: { visit: ExchangeVisit; index: number }) {
  const [all, setAll] = useState(false);
  const matched = visit.bindings.filter((v) => v.matched);
  const skipped = visit.bindings.filter((v) => !v.matched);
  const shownMatched = all ? matched : matched.slice(0, MATCHED_SHOWN);
  const shownSkipped = all ? skipped : skipped.slice(0, SKIPPED_SHOWN);
  const hiddenCount = matched.length - shownMatched.length + (skipped.length - shownSkipped.length);
  return (
    <li className="route-step">
      <div className="route-step__head">
        <span className="route-step__index">{index + 1}</span>
        <Name>{visit.exchange}</Name>
        <span className="badge badge--flag">{visit.type}</span>
        {visit.internal ? <span className="badge badge--flag">internal</span> : null}
      </div>
      <p className="route-step__via">{reachedVia(visit)}</p>
      {visit.bindings.length === 0 ? <p className="route-step__empty">No bindings.</p> : null}
      {visit.bindings.length > 0 ? (
        <ul className="route-step__bindings" aria-label={`Bindings of ${visit.exchange || DEFAULT_EXCHANGE_LABEL}`}>
          {shownMatched.map((v, i) => (
            <BindingLine key={`m${i}`} verdict={v} />
          ))}
          {shownSkipped.map((v, i) => (
            <BindingLine key={`s${i}`} verdict={v} />
          ))}
        </ul>
      ) : null}
      {all || hiddenCount > 0 ? (
        <button type="button" className="button button--ghost button--small route-step__more" onClick={() => setAll(!all)}>
          {all ? 'Show fewer bindings' : `Show ${hiddenCount} more ${hiddenCount === 1 ? 'binding' : 'bindings'}`}
        </button>
      ) : null}
      {visit.alternate ? <AlternateLine alternate={visit.alternate} /> : null}
    </li>
  );
}

/** The path hop by hop: each exchange, how the message got there, each binding with why it matched or not, and the alternate exchange. */
export function RouteSteps({ explanation }: { explanation: RouteExplanation }) {
  if (explanation.defaultQueue !== undefined) {
    const { queue, exists } = explanation.defaultQueue;
    return (
      <ol className="route-steps">
        <li className="route-step">
          <div className="route-step__head">
            <span className="route-step__index">1</span>
            <Name>{''}</Name>
            <span className="badge badge--flag">direct</span>
          </div>
          <p className="route-step__via">Every queue is bound to it by its own name.</p>
          <ul className="route-step__bindings">
            <li className={`route-binding ${exists ? 'is-matched' : 'is-skipped'}`}>
              <span className="route-binding__mark" aria-hidden="true">
                <Icon name={exists ? 'check' : 'cross'} size={12} />
              </span>
              <div className="route-binding__body">
                <div className="route-binding__head">
                  <span className="route-binding__kind">queue</span> <Name>{queue}</Name>
                </div>
                <div className="route-binding__reason">{exists ? 'the routing key names this queue' : 'no queue has this name'}</div>
              </div>
            </li>
          </ul>
        </li>
      </ol>
    );
  }
  if (explanation.visits.length === 0) return null;
  return (
    <ol className="route-steps">
      {explanation.visits.map((visit, i) => (
        <VisitStep key={visit.exchange} visit={visit} index={i} />
      ))}
    </ol>
  );
}
