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
  // The broker's own name repeats the client address; the name a client gave itself is what people recognise.
  nameColumn<ConnectionRow>('name', 'Name', (c) => c.clientName ?? '', 170, '(unnamed)'),
  textColumn<ConnectionRow>('peer', 'Client address', (c) => c.peer, 128),
  textColumn<ConnectionRow>('client', 'Client', (c) => c.clientProduct, 116),
  textColumn<ConnectionRow>('user', 'User', (c) => c.user, 72),
  stateColumn<ConnectionRow>('state', 'State', (c) => c.state, 88),
  textColumn<ConnectionRow>('protocol', 'Protocol', (c) => c.protocol, 100),
  countColumn<ConnectionRow>('channels', 'Channels', (c) => c.channels, 84),
  byteRateColumn<ConnectionRow>('recvRate', 'From client', (c) => c.recvRate, 104),
  byteRateColumn<ConnectionRow>('sendRate', 'To client', (c) => c.sendRate, 92),
  {
    id: 'age',
    header: 'Connected',
    accessorFn: (c) => c.connectedAt ?? 0,
    cell: (ctx) => <Age since={ctx.row.original.connectedAt} />,
    meta: { width: 100, align: 'right' },
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
