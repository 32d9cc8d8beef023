import type { ColumnDef } from '@tanstack/react-table';
import type { ConsumerRow } from '../../shared/model/inventory.js';
import { useConsole } from '../state/StoreProvider.js';
import { checkColumn, countColumn, nameColumn, textColumn } from './columns.js';
import { TableView } from './TableView.js';

const CONSUMER_COLUMNS: ColumnDef<ConsumerRow, any>[] = [
  textColumn<ConsumerRow>('vhost', 'Vhost', (c) => c.vhost, 96),
  nameColumn<ConsumerRow>('queue', 'Queue', (c) => c.queue, 200),
  textColumn<ConsumerRow>('tag', 'Consumer tag', (c) => c.consumerTag, 220, true),
  textColumn<ConsumerRow>('channel', 'Channel', (c) => c.channelName, 220),
  checkColumn<ConsumerRow>('ack', 'Ack', (c) => c.ackRequired),
  checkColumn<ConsumerRow>('exclusive', 'Exclusive', (c) => c.exclusive, 76),
  checkColumn<ConsumerRow>('active', 'Active', (c) => c.active),
  countColumn<ConsumerRow>('prefetch', 'Prefetch', (c) => c.prefetch),
];

const consumerText = (c: ConsumerRow): string => `${c.queue} ${c.consumerTag}`;

export function ConsumersView() {
  const consumers = useConsole((s) => s.inventory.consumers);
  return (
    <TableView
      rows={consumers}
      columns={CONSUMER_COLUMNS}
      filterText={consumerText}
      noun={['consumer', 'consumers']}
      label="Consumers"
      initialSorting={[{ id: 'queue', desc: false }]}
    />
  );
}
