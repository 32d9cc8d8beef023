import { useMemo } from 'react';
import type { OverviewModel, QueueRow, VhostRow } from '../../shared/model/inventory.js';
import { FiringAlerts } from '../alerts/FiringAlerts.js';
import { HistoryCharts } from '../charts/HistoryCharts.js';
import { EmptyState } from '../components/EmptyState.js';
import { formatCount, formatRate, MISSING } from '../format/numbers.js';
import { hrefOf, queueHref } from '../navigation/routes.js';
import { useConsole } from '../state/StoreProvider.js';
import { ExampleTopologyOffer } from './ExampleTopologyOffer.js';

const BROKER = { kind: 'broker' } as const;
const OVERVIEW_CHARTS = ['depth', 'rates'] as const;

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'muted' }) {
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className={`stat__value${tone === 'muted' ? ' is-muted' : ''}`}>{value}</div>
    </div>
  );
}

/** A right-aligned count in a mini table; zero is dimmed so what matters stands out. */
function NumCell({ value }: { value: number }) {
  return <td className={`num${value === 0 ? ' is-zero' : ''}`}>{formatCount(value)}</td>;
}

/** A count; zero reads as "nothing here" and is dimmed, like the tables' zeros. */
function CountStat({ label, value }: { label: string; value: number }) {
  return <Stat label={label} value={formatCount(value)} tone={value === 0 ? 'muted' : undefined} />;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd title={value ?? undefined}>{value ?? MISSING}</dd>
    </div>
  );
}

function BrokerFacts({ overview }: { overview: OverviewModel }) {
  return (
    <dl className="facts">
      <Fact label="Product" value={`${overview.productName} ${overview.productVersion}`} />
      <Fact label="Node" value={overview.node} />
      <Fact label="Cluster" value={overview.clusterName} />
      {/* A broker that is not Erlang reports none: a row of "—" would only suggest something is missing. */}
      {overview.erlangVersion !== null ? <Fact label="Erlang" value={overview.erlangVersion} /> : null}
      {overview.runtime !== null ? <Fact label="Runtime" value={overview.runtime} /> : null}
      <Fact label="Management" value={overview.managementVersion} />
    </dl>
  );
}

function Rates({ overview }: { overview: OverviewModel }) {
  const { rates } = overview;
  const muted = overview.statsAvailable ? undefined : ('muted' as const);
  return (
    <section className="panel">
      <h2 className="panel__title">Message rates</h2>
      <div className="stats stats--4">
        <Stat label="Publish" value={formatRate(rates.publish)} tone={muted} />
        <Stat label="Deliver" value={formatRate(rates.deliver)} tone={muted} />
        <Stat label="Ack" value={formatRate(rates.ack)} tone={muted} />
        <Stat label="Redeliver" value={formatRate(rates.redeliver)} tone={muted} />
      </div>
      {overview.statsAvailable ? null : (
        <p className="panel__note">
          This broker reports no message statistics (RabbitMQ 4 with metrics collection off, or a node that has not sampled yet). Counts
          are exact; rates are unavailable.
        </p>
      )}
    </section>
  );
}

function DeepestQueues({ queues }: { queues: readonly QueueRow[] }) {
  const deepest = useMemo(() => [...queues].filter((q) => q.total > 0).sort((a, b) => b.total - a.total).slice(0, 6), [queues]);
  return (
    <section className="panel">
      <h2 className="panel__title">
        Deepest queues <a href={hrefOf('queues')}>All queues →</a>
      </h2>
      {deepest.length === 0 ? (
        <p className="panel__empty">Every queue is empty.</p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th>Queue</th>
              <th className="align-right">Ready</th>
              <th className="align-right">Unacked</th>
              <th className="align-right">Consumers</th>
            </tr>
          </thead>
          <tbody>
            {deepest.map((q) => (
              <tr key={q.key}>
                <td className="cell-name" title={`${q.name} (vhost ${q.vhost})`}>
                  <a href={queueHref(q.vhost, q.name)}>{q.name}</a>
                </td>
                <NumCell value={q.ready} />
                <NumCell value={q.unacked} />
                <NumCell value={q.consumers} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Vhosts({ vhosts }: { vhosts: readonly VhostRow[] }) {
  const sorted = useMemo(() => [...vhosts].sort((a, b) => a.name.localeCompare(b.name)), [vhosts]);
  return (
    <section className="panel">
      <h2 className="panel__title">Vhosts</h2>
      <table className="mini-table">
        <thead>
          <tr>
            <th>Name</th>
            <th className="align-right">Ready</th>
            <th className="align-right">Unacked</th>
            <th className="align-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((v) => (
            <tr key={v.key}>
              <td className="cell-name">{v.name}</td>
              <NumCell value={v.messagesReady} />
              <NumCell value={v.messagesUnacked} />
              <NumCell value={v.messages} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function OverviewView() {
  const overview = useConsole((s) => s.inventory.overview);
  const queues = useConsole((s) => s.inventory.queues);
  const vhosts = useConsole((s) => s.inventory.vhosts);
  if (!overview) {
    return <EmptyState title="No overview yet">It appears with the first sample from the broker.</EmptyState>;
  }
  const { totals } = overview;
  return (
    <div className="overview">
      <BrokerFacts overview={overview} />
      <ExampleTopologyOffer queueCount={totals.queues} />
      <FiringAlerts />
      <section className="panel">
        <h2 className="panel__title">Objects</h2>
        <div className="stats stats--5">
          <CountStat label="Connections" value={totals.connections} />
          <CountStat label="Channels" value={totals.channels} />
          <CountStat label="Consumers" value={totals.consumers} />
          <CountStat label="Exchanges" value={totals.exchanges} />
          <CountStat label="Queues" value={totals.queues} />
        </div>
      </section>
      <div className="overview__row">
        <section className="panel">
          <h2 className="panel__title">Messages</h2>
          <div className="stats stats--3">
            <CountStat label="Ready" value={totals.messagesReady} />
            <CountStat label="Unacked" value={totals.messagesUnacked} />
            <CountStat label="Total" value={totals.messages} />
          </div>
        </section>
        <Rates overview={overview} />
      </div>
      <HistoryCharts scope={BROKER} fileBase="broker" charts={OVERVIEW_CHARTS} memoryKey="overview" />
      <div className="overview__row">
        <DeepestQueues queues={queues} />
        <Vhosts vhosts={vhosts} />
      </div>
    </div>
  );
}
