import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { ChannelRow } from '../../shared/model/inventory.js';
import { useConsole } from '../state/StoreProvider.js';
import { countColumn, nameColumn, rateColumn, stateColumn, textColumn } from './columns.js';
import { connectionLabel, connectionLabels } from './connectionLabels.js';
import { TableView } from './TableView.js';

function mode(c: ChannelRow): string {
  if (c.transactional) return 'transactional';
  return c.confirm ? 'confirm' : '';
}

function channelColumns(labels: Map<string, string>): ColumnDef<ChannelRow, any>[] {
  return [
    textColumn<ChannelRow>('vhost', 'Vhost', (c) => c.vhost, 72),
    nameColumn<ChannelRow>('connection', 'Connection', (c) => connectionLabel(c.connectionName, labels), 160),
    countColumn<ChannelRow>('number', '#', (c) => c.number, 48),
    textColumn<ChannelRow>('user', 'User', (c) => c.user, 72),
    stateColumn<ChannelRow>('state', 'State', (c) => c.state, 84),
    textColumn<ChannelRow>('mode', 'Mode', mode, 84),
    countColumn<ChannelRow>('consumers', 'Consumers', (c) => c.consumers, 96),
    countColumn<ChannelRow>('prefetch', 'Prefetch', (c) => c.prefetch, 80),
    countColumn<ChannelRow>('unacked', 'Unacked', (c) => c.unacked, 84),
    countColumn<ChannelRow>('unconfirmed', 'Unconfirmed', (c) => c.unconfirmed, 108),
    rateColumn<ChannelRow>('publishRate', 'Publish', (c) => c.publishRate, 80),
    rateColumn<ChannelRow>('deliverRate', 'Deliver', (c) => c.deliverRate, 80),
    rateColumn<ChannelRow>('ackRate', 'Ack', (c) => c.ackRate, 80),
  ];
}

export function ChannelsView() {
  const channels = useConsole((s) => s.inventory.channels);
  const connections = useConsole((s) => s.inventory.connections);
  const labels = useMemo(() => connectionLabels(connections), [connections]);
  const columns = useMemo(() => channelColumns(labels), [labels]);
  const channelText = useMemo(() => (c: ChannelRow) => `${labels.get(c.connectionName) ?? ''} ${c.name}`, [labels]);
  return (
    <TableView
      rows={channels}
      columns={columns}
      filterText={channelText}
      noun={['channel', 'channels']}
      label="Channels"
      initialSorting={[
        { id: 'connection', desc: false },
        { id: 'number', desc: false },
      ]}
    />
  );
}
