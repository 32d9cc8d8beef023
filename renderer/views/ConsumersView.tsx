import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ConsumerRow } from '../../shared/model/inventory.js';
import { useConsole } from '../state/StoreProvider.js';
import { checkColumn, countColumn, nameColumn, textColumn } from './columns.js';
import { channelLabel, connectionLabels } from './connectionLabels.js';
import { TableView } from './TableView.js';

function consumerColumns(labels: Map<string, string>): ColumnDef<ConsumerRow, any>[] {
  return [
    textColumn<ConsumerRow>('vhost', 'Vhost', (c) => c.vhost, 72),
    nameColumn<ConsumerRow>('queue', 'Queue', (c) => c.queue, 200),
    textColumn<ConsumerRow>('tag', 'Consumer tag', (c) => c.consumerTag, 200, true),
    textColumn<ConsumerRow>('channel', 'Channel', (c) => channelLabel(c.channelName, c.connectionName, labels), 200),
    checkColumn<ConsumerRow>('ack', 'Ack', (c) => c.ackRequired),
    checkColumn<ConsumerRow>('exclusive', 'Exclusive', (c) => c.exclusive, 84),
    checkColumn<ConsumerRow>('active', 'Active', (c) => c.active),
    countColumn<ConsumerRow>('prefetch', 'Prefetch', (c) => c.prefetch),
  ];
}

const consumerText = (c: ConsumerRow): string => `${c.queue} ${c.consumerTag}`;

export function ConsumersView() {
  const consumers = useConsole((s) => s.inventory.consumers);
  const connections = useConsole((s) => s.inventory.connections);
  const labels = useMemo(() => connectionLabels(connections), [connections]);
  const columns = useMemo(() => consumerColumns(labels), [labels]);
  return (
    <TableView
      rows={consumers}
      columns={columns}
      filterText={consumerText}
      noun={['consumer', 'consumers']}
      label="Consumers"
      initialSorting={[{ id: 'queue', desc: false }]}
    />
  );
}
