import type { ColumnDef } from '@tanstack/react-table';
import type { QueueRow } from '../../shared/model/inventory.js';
import { AlertBadge, FiringQueuesContext } from '../alerts/AlertBadge.js';
import { useAlerts } from '../alerts/useAlerts.js';
import { Sparkline, SparklineProvider } from '../charts/Sparkline.js';
import { QueueBadges } from '../components/QueueBadges.js';
import { hrefOf, queueHref } from '../navigation/routes.js';
import { useConsole, useStore } from '../state/StoreProvider.js';
import { countColumn, nameColumn, rateColumn, selectColumn, stateColumn, textColumn } from './columns.js';
import { COMPARE_MEMORY_KEY, MAX_COMPARED } from './compare/CompareView.js';
import { QueueDetails } from './QueueDetails.js';
import { TableView } from './TableView.js';

export const QUEUE_COLUMNS: ColumnDef<QueueRow, any>[] = [
  selectColumn<QueueRow>('queue', (q) => `${q.name} (vhost ${q.vhost})`),
  textColumn<QueueRow>('vhost', 'Vhost', (q) => q.vhost, 72),
  // The alert badge reads a Set from context: one lookup per visible row.
  nameColumn<QueueRow>('name', 'Name', (q) => q.name, 200, undefined, (q) => <AlertBadge queueKey={q.key} />),
  textColumn<QueueRow>('type', 'Type', (q) => q.type, 72),
  stateColumn<QueueRow>('state', 'State', (q) => q.state, 88),
  countColumn<QueueRow>('ready', 'Ready', (q) => q.ready, 80),
  countColumn<QueueRow>('unacked', 'Unacked', (q) => q.unacked, 84),
  countColumn<QueueRow>('total', 'Total', (q) => q.total, 80),
  countColumn<QueueRow>('consumers', 'Consumers', (q) => q.consumers, 96),
  rateColumn<QueueRow>('publishRate', 'Publish', (q) => q.publishRate, 80),
  rateColumn<QueueRow>('deliverRate', 'Deliver', (q) => q.deliverRate, 80),
  {
    id: 'trend',
    header: 'Last 5 min',
    enableSorting: false,
    cell: (ctx) => <Sparkline queueKey={ctx.row.original.key} />,
    meta: { width: 104 },
  },
  {
    id: 'badges',
    header: 'Features',
    accessorFn: (q) => q.badges.join(' '),
    cell: (ctx) => <QueueBadges badges={ctx.row.original.badges} args={ctx.row.original.arguments} />,
    meta: { width: 156 },
  },
];

const queueName = (q: QueueRow): string => q.name;
const queueDetails = (queue: QueueRow, close: () => void) => <QueueDetails queue={queue} onClose={close} />;
const openQueue = (queue: QueueRow): void => {
  window.location.hash = queueHref(queue.vhost, queue.name);
};

/** The ticked queues' offer: overlay them in the compare view, or untick them. */
function CompareTicked({ ticked, clear }: { ticked: readonly QueueRow[]; clear: () => void }) {
  const { memory } = useStore();
  const n = ticked.length;
  const fits = n >= 2 && n <= MAX_COMPARED;
  const compare = (): void => {
    memory.set(COMPARE_MEMORY_KEY, ticked.map((q) => q.key));
    window.location.hash = hrefOf('compare');
  };
  return (
    <>
      <span>{n} ticked</span>
      <button
        type="button"
        className="button button--small button--primary"
        disabled={!fits}
        title={fits ? undefined : n < 2 ? 'Tick at least 2 queues to compare' : `At most ${MAX_COMPARED} queues can be compared`}
        onClick={compare}
      >
        Compare {n}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={clear}>
        Clear
      </button>
    </>
  );
}
const compareTicked = (ticked: readonly QueueRow[], clear: () => void) => <CompareTicked ticked={ticked} clear={clear} />;

export function QueuesView() {
  const queues = useConsole((s) => s.inventory.queues);
  const { firingQueues } = useAlerts();
  return (
    <FiringQueuesContext.Provider value={firingQueues}>
      <SparklineProvider>
        <TableView
          rows={queues}
          columns={QUEUE_COLUMNS}
          filterText={queueName}
          noun={['queue', 'queues']}
          label="Queues"
          initialSorting={[{ id: 'name', desc: false }]}
          details={queueDetails}
          onRowActivate={openQueue}
          selectionActions={compareTicked}
        />
      </SparklineProvider>
    </FiringQueuesContext.Provider>
  );
}
