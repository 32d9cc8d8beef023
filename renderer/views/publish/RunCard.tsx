import type { PublishOutcome, PublishRepeat } from '../../../shared/model/workbench/publish.js';
import { Icon } from '../../components/Icon.js';
import { formatCount, formatRate } from '../../format/numbers.js';
import { formatBytes } from '../../workbench/message-bytes.js';
import type { PublishRun } from '../../workbench/publish-runs.js';
import { plainHeaders } from '../../workbench/typed-value.js';
import { requestRouteExplanation } from '../topology/route/route-request.js';
import { DEFAULT_EXCHANGE_LABEL } from './DestinationFields.js';

/** Outcome rows drawn per run; the counts above cover the rest. */
const OUTCOMES_SHOWN = 12;

export function repeatText(repeat: PublishRepeat): string {
  if (repeat.mode === 'once') return 'once';
  if (repeat.mode === 'count') return `${formatCount(repeat.count)} times`;
  return `${repeat.perSecond}/s for ${repeat.durationSeconds} s`;
}

const OUTCOME_LABEL: Record<PublishOutcome['outcome'], string> = {
  confirmed: 'Confirmed',
  returned: 'Returned',
  nacked: 'Nacked',
  unconfirmed: 'Sent',
  refused: 'Refused',
};

function statusOf(run: PublishRun): { label: string; tone: 'ok' | 'warn' | 'bad' | 'busy' } {
  if (run.phase === 'uploading') return { label: 'Uploading', tone: 'busy' };
  if (run.phase === 'publishing') return { label: 'Publishing', tone: 'busy' };
  if (run.phase === 'failed' || !run.result) return { label: 'Failed', tone: 'bad' };
  const r = run.result;
  if (r.status === 'refused') return { label: 'Refused', tone: 'bad' };
  if (r.status === 'cancelled') return { label: 'Cancelled', tone: 'warn' };
  if (r.returned > 0 || r.nacked > 0) return { label: r.returned > 0 ? 'Returned' : 'Nacked', tone: 'warn' };
  return { label: r.confirmed > 0 ? 'Confirmed' : 'Sent', tone: 'ok' };
}

function OutcomeRow({ run, outcome }: { run: PublishRun; outcome: PublishOutcome }) {
  const reason = outcome.outcome === 'returned' ? run.returnReasons[outcome.routingKey] : undefined;
  const words = outcome.replyCode !== undefined ? `${outcome.replyCode} ${outcome.replyText ?? ''}`.trim() : null;
  return (
    <li className={`run-outcome run-outcome--${outcome.outcome}`}>
      <span className="run-outcome__n num">#{outcome.n}</span>
      <span className="run-outcome__kind">{OUTCOME_LABEL[outcome.outcome]}</span>
      <span className="run-outcome__detail">
        {words ? <code>{words}</code> : null}
        {run.repeat.mode !== 'once' || outcome.routingKey !== run.message.routingKey ? <span className="muted"> key {outcome.routingKey || '(empty)'}</span> : null}
        {reason ? <span className="run-outcome__reason">Why: {reason}.</span> : null}
      </span>
      {outcome.outcome === 'returned' ? (
        <button
          type="button"
          className="link-button run-outcome__explain"
          onClick={() => requestRouteExplanation({ exchange: run.message.exchange, routingKey: outcome.routingKey, headers: plainHeaders(run.message.headers) })}
        >
          Explain route
        </button>
      ) : null}
    </li>
  );
}

function Counts({ run }: { run: PublishRun }) {
  const c = run.result ?? run.progress;
  if (!c) return null;
  const items: [string, number, string][] = [
    ['sent', c.sent, ''],
    ['confirmed', c.confirmed, 'ok'],
    ['returned', c.returned, 'warn'],
    ['nacked', c.nacked, 'bad'],
  ];
  if (c.unconfirmed > 0) items.push(['without confirm', c.unconfirmed, '']);
  const rate = run.result ? run.result.achievedRate : (run.progress?.ratePerSecond ?? 0);
  const elapsed = run.result ? run.result.elapsedMs : (run.progress?.elapsedMs ?? 0);
  return (
    <dl className="run-counts" aria-label="Counts">
      {items.map(([label, value, tone]) => (
        <div key={label} className={`run-counts__item${tone && value > 0 ? ` is-${tone}` : ''}`}>
          <dt>{label}</dt>
          <dd className="num">{formatCount(value)}</dd>
        </div>
      ))}
      {run.repeat.mode !== 'once' ? (
        <div className="run-counts__item">
          <dt>{run.result ? 'achieved' : 'rate'}</dt>
          <dd className="num">{formatRate(rate)}</dd>
        </div>
      ) : null}
      <div className="run-counts__item">
        <dt>time</dt>
        <dd className="num">{elapsed < 10_000 ? `${Math.round(elapsed)} ms` : `${(elapsed / 1000).toFixed(1)} s`}</dd>
      </div>
    </dl>
  );
}

/** One publish run: where to, live progress with Cancel, then the broker's outcome for each message. */
export function RunCard({ run, onCancel }: { run: PublishRun; onCancel: () => void }) {
  const status = statusOf(run);
  const running = run.phase === 'uploading' || run.phase === 'publishing';
  const planned = run.progress?.planned ?? (run.repeat.mode === 'count' ? run.repeat.count : run.repeat.mode === 'once' ? 1 : null);
  // For a run of many, the counts say it went well; only what needs a look is listed.
  const outcomes = (run.result?.outcomes ?? []).filter((o) => run.repeat.mode === 'once' || (o.outcome !== 'confirmed' && o.outcome !== 'unconfirmed'));
  const shown = outcomes.slice(0, OUTCOMES_SHOWN);
  const refusal = run.result?.refusal;
  return (
    <article className={`run-card run-card--${status.tone}`} aria-label={`Publish at ${new Date(run.startedAt).toLocaleTimeString('en-GB')}`}>
      <header className="run-card__head">
        <span className={`run-card__status run-card__status--${status.tone}`} data-testid="run-status">
          <Icon name={status.tone === 'ok' ? 'check' : status.tone === 'busy' ? 'refresh' : status.tone === 'warn' ? 'warning' : 'cross'} size={12} />
          {status.label}
        </span>
        <span className="run-card__where">
          <span className="run-card__exchange">{run.message.exchange === '' ? DEFAULT_EXCHANGE_LABEL : run.message.exchange}</span>
          <span className="muted"> · </span>
          <span className="run-card__key">{run.message.routingKey || '(empty key)'}</span>
        </span>
        <span className="run-card__when muted">
          {repeatText(run.repeat)} · {new Date(run.startedAt).toLocaleTimeString('en-GB')}
        </span>
      </header>
      {run.phase === 'uploading' && run.upload ? (
        <div className="run-card__progress" role="status" aria-label="Upload progress">
          <span>Uploading the body</span>
          <progress max={run.upload.total} value={run.upload.sent} />
          <span className="num">
            {formatBytes(run.upload.sent)} / {formatBytes(run.upload.total)}
          </span>
        </div>
      ) : null}
      {run.phase === 'publishing' ? (
        <div className="run-card__progress" role="status" aria-label="Publish progress">
          <span>Publishing</span>
          {planned !== null ? <progress max={planned} value={run.progress?.sent ?? 0} /> : <progress />}
          <span className="num">
            {formatCount(run.progress?.sent ?? 0)}
            {planned !== null ? ` / ${formatCount(planned)}` : ''}
          </span>
        </div>
      ) : null}
      {running ? (
        <button type="button" className="button button--small run-card__cancel" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      <Counts run={run} />
      {refusal ? (
        <p className="run-card__refusal" role="alert">
          The broker refused it: <strong>{`${refusal.replyCode} ${refusal.replyText}`}</strong>
        </p>
      ) : null}
      {run.error ? (
        <p className="run-card__refusal" role="alert">
          {run.error}
        </p>
      ) : null}
      {shown.length > 0 && !(run.repeat.mode === 'once' && refusal) ? (
        <ul className="run-outcomes" aria-label="Outcomes">
          {shown.map((outcome) => (
            <OutcomeRow key={outcome.n} run={run} outcome={outcome} />
          ))}
          {outcomes.length > shown.length ? <li className="run-outcome muted">{formatCount(outcomes.length - shown.length)} more</li> : null}
        </ul>
      ) : null}
    </article>
  );
}
