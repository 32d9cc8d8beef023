import type { ColumnDef } from '@tanstack/react-table';
import type { ChannelRow } from '../../shared/model/inventory.js';
import { useConsole } from '../state/StoreProvider.js';
import { countColumn, nameColumn, rateColumn, stateColumn, textColumn } from './columns.js';
import { TableView } from './TableView.js';

function mode(c: ChannelRow): string {
  if (c.transactional) return 'transactional';
  return c.confirm ? 'confirm' : '';
}

const CHANNEL_COLUMNS: ColumnDef<ChannelRow, any>[] = [
  textColumn<ChannelRow>('vhost', 'Vhost', (c) => c.vhost, 96),
  nameColumn<ChannelRow>('name', 'Channel', (c) => c.name, 240),
  textColumn<ChannelRow>('user', 'User', (c) => c.user, 88),
  stateColumn<ChannelRow>('state', 'State', (c) => c.state),
  textColumn<ChannelRow>('mode', 'Mode', mode, 100),
  countColumn<ChannelRow>('consumers', 'Consumers', (c) => c.consumers, 92),
  countColumn<ChannelRow>('prefetch', 'Prefetch', (c) => c.prefetch),
  countColumn<ChannelRow>('unacked', 'Unacked', (c) => c.unacked),
  countColumn<ChannelRow>('unconfirmed', 'Unconfirmed', (c) => c.unconfirmed, 100),
  rateColumn<ChannelRow>('publishRate', 'Publish', (c) => c.publishRate),
  rateColumn<ChannelRow>('deliverRate', 'Deliver', (c) => c.deliverRate),
  rateColumn<ChannelRow>('ackRate', 'Ack', (c) => c.ackRate),
];

const channelText = (c: ChannelRow): string => c.name;

export function ChannelsView() {
  const channels = useConsole((s) => s.inventory.channels);
  return (
    <TableView
      rows={channels}
      columns={CHANNEL_COLUMNS}
      filterText={channelText}
      noun={['channel', 'channels']}
      label="Channels"
      initialSorting={[{ id: 'name', desc: false }]}
    />
  );
}
