import type { ColumnDef } from '@tanstack/react-table';
import type { QueueRow } from '../../shared/model/inventory.js';
import { AlertBadge, FiringQueuesContext } from '../alerts/AlertBadge.js';
import { useAlerts } from '../alerts/useAlerts.js';
import { Sparkline, SparklineProvider } from '../charts/Sparkline.js';
import { QueueBadges } from '../components/QueueBadges.js';
import { queueHref } from '../navigation/routes.js';
import { useConsole } from '../state/StoreProvider.js';
import { countColumn, nameColumn, rateColumn, stateColumn, textColumn } from './columns.js';
import { QueueDetails } from './QueueDetails.js';
import { TableView } from './TableView.js';

export const QUEUE_COLUMNS: ColumnDef<QueueRow, any>[] = [
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
        />
      </SparklineProvider>
    </FiringQueuesContext.Provider>
  );
}
