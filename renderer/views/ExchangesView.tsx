import type { ColumnDef } from '@tanstack/react-table';
import type { ExchangeRow } from '../../shared/model/inventory.js';
import { useConsole } from '../state/StoreProvider.js';
import { countColumn, nameColumn, rateColumn, textColumn } from './columns.js';
import { TableView } from './TableView.js';

function Flags({ exchange }: { exchange: ExchangeRow }) {
  const flags: [string, string][] = [];
  if (exchange.durable) flags.push(['D', 'Durable']);
  if (exchange.autoDelete) flags.push(['AD', 'Auto-delete']);
  if (exchange.internal) flags.push(['I', 'Internal: clients cannot publish to it']);
  return (
    <span className="badges">
      {flags.map(([label, title]) => (
        <span key={label} className="badge badge--flag" title={title} aria-label={title}>
          {label}
        </span>
      ))}
    </span>
  );
}

const EXCHANGE_COLUMNS: ColumnDef<ExchangeRow, any>[] = [
  textColumn<ExchangeRow>('vhost', 'Vhost', (x) => x.vhost, 72),
  nameColumn<ExchangeRow>('name', 'Name', (x) => x.name, 240, '(AMQP default)'),
  textColumn<ExchangeRow>('type', 'Type', (x) => x.type, 88),
  {
    id: 'flags',
    header: 'Flags',
    accessorFn: (x) => `${x.durable ? 'D' : ''}${x.autoDelete ? 'AD' : ''}${x.internal ? 'I' : ''}`,
    cell: (ctx) => <Flags exchange={ctx.row.original} />,
    meta: { width: 96 },
  },
  countColumn<ExchangeRow>('bindingsIn', 'Bindings in', (x) => x.bindingsIn, 100),
  countColumn<ExchangeRow>('bindingsOut', 'Bindings out', (x) => x.bindingsOut, 116),
  rateColumn<ExchangeRow>('publishInRate', 'Publish in', (x) => x.publishInRate, 96),
  rateColumn<ExchangeRow>('publishOutRate', 'Publish out', (x) => x.publishOutRate, 100),
];

const exchangeName = (x: ExchangeRow): string => x.name;

export function ExchangesView() {
  const exchanges = useConsole((s) => s.inventory.exchanges);
  return (
    <TableView
      rows={exchanges}
      columns={EXCHANGE_COLUMNS}
      filterText={exchangeName}
      noun={['exchange', 'exchanges']}
      label="Exchanges"
      initialSorting={[{ id: 'name', desc: false }]}
    />
  );
}
