import type { ColumnDef } from '@tanstack/react-table';
import type { ConnectionRow } from '../../shared/model/inventory.js';
import { MISSING } from '../format/numbers.js';
import { formatDuration } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { useConsole } from '../state/StoreProvider.js';
import { byteRateColumn, countColumn, nameColumn, stateColumn, textColumn } from './columns.js';
import { TableView } from './TableView.js';

function Age({ since }: { since: number | null }) {
  const now = useNow(5000);
  return <span className="num">{since === null ? MISSING : formatDuration(now - since)}</span>;
}

const CONNECTION_COLUMNS: ColumnDef<ConnectionRow, any>[] = [
  textColumn<ConnectionRow>('vhost', 'Vhost', (c) => c.vhost, 72),
  nameColumn<ConnectionRow>('name', 'Name', (c) => c.clientName ?? c.name, 180),
  textColumn<ConnectionRow>('peer', 'Client address', (c) => c.peer, 130),
  textColumn<ConnectionRow>('client', 'Client', (c) => c.clientProduct, 110),
  textColumn<ConnectionRow>('user', 'User', (c) => c.user, 80),
  stateColumn<ConnectionRow>('state', 'State', (c) => c.state, 88),
  textColumn<ConnectionRow>('protocol', 'Protocol', (c) => c.protocol, 88),
  countColumn<ConnectionRow>('channels', 'Channels', (c) => c.channels, 84),
  byteRateColumn<ConnectionRow>('recvRate', 'From client', (c) => c.recvRate),
  byteRateColumn<ConnectionRow>('sendRate', 'To client', (c) => c.sendRate),
  {
    id: 'age',
    header: 'Connected',
    accessorFn: (c) => c.connectedAt ?? 0,
    cell: (ctx) => <Age since={ctx.row.original.connectedAt} />,
    meta: { width: 90, align: 'right' },
  },
];

const connectionText = (c: ConnectionRow): string => `${c.clientName ?? ''} ${c.name} ${c.peer}`;

export function ConnectionsView() {
  const connections = useConsole((s) => s.inventory.connections);
  return (
    <TableView
      rows={connections}
      columns={CONNECTION_COLUMNS}
      filterText={connectionText}
      noun={['connection', 'connections']}
      label="Connections"
      initialSorting={[{ id: 'name', desc: false }]}
    />
  );
}
