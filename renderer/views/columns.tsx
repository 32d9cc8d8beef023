import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatByteRate, formatCount, formatRate, MISSING } from '../format/numbers.js';
import { RowCheckbox, ShownRowsCheckbox } from './row-selection.js';

// TanStack types a list of mixed columns with `any` as the value type.
type Column<T> = ColumnDef<T, any>;

/** Tick boxes for the rows (see row-selection), labelled with what each row is about. */
export function selectColumn<T extends { key: string }>(noun: string, labelOf: (row: T) => string): Column<T> {
  return {
    id: 'select',
    header: () => <ShownRowsCheckbox label={`Tick every ${noun} shown`} />,
    enableSorting: false,
    cell: (ctx) => <RowCheckbox rowKey={ctx.row.original.key} label={`Tick ${noun} ${labelOf(ctx.row.original)}`} />,
    meta: { width: 36, align: 'center' },
  };
}

/** Plain text, ellipsized; the full value is in the tooltip. */
export function textColumn<T>(id: string, header: string, get: (row: T) => string | null, width: number, grow = false): Column<T> {
  return {
    id,
    header,
    accessorFn: (row) => get(row) ?? '',
    cell: (ctx) => {
      const value = ctx.getValue<string>();
      return value === '' ? <span className="muted">{MISSING}</span> : <span className="cell-text" title={value}>{value}</span>;
    },
    meta: { width, grow },
  };
}

/**
 * A name column: the thing the row is about, in the primary text colour.
 * `after` renders beside the name (the Queues table's alert badge); keep it
 * cheap, it runs for every visible row.
 */
export function nameColumn<T>(
  id: string,
  header: string,
  get: (row: T) => string,
  width: number,
  emptyLabel = '(default)',
  after?: (row: T) => ReactNode,
): Column<T> {
  return {
    id,
    header,
    accessorFn: get,
    cell: (ctx) => {
      const value = ctx.getValue<string>();
      const name = value === '' ? <span className="cell-text muted">{emptyLabel}</span> : <span className="cell-text cell-name" title={value}>{value}</span>;
      if (!after) return name;
      return (
        <span className="cell-name-with-badge">
          {name}
          {after(ctx.row.original)}
        </span>
      );
    },
    meta: { width, grow: true },
  };
}

/** A right-aligned integer: "1,234". Zero is dimmed so non-zero values stand out. */
export function countColumn<T>(id: string, header: string, get: (row: T) => number, width = 84): Column<T> {
  return {
    id,
    header,
    accessorFn: get,
    cell: (ctx) => {
      const value = ctx.getValue<number>();
      return <span className={`num${value === 0 ? ' is-zero' : ''}`}>{formatCount(value)}</span>;
    },
    sortDescFirst: true,
    meta: { width, align: 'right' },
  };
}

/** A right-aligned rate: "12.5/s"; "—" when the broker reports none (sorted below zero). */
export function rateColumn<T>(id: string, header: string, get: (row: T) => number | null, width = 88): Column<T> {
  return {
    id,
    header,
    accessorFn: (row) => get(row) ?? -1,
    cell: (ctx) => {
      const value = get(ctx.row.original);
      return <span className={`num${value === null || value === 0 ? ' is-zero' : ''}`}>{formatRate(value)}</span>;
    },
    sortDescFirst: true,
    meta: { width, align: 'right' },
  };
}

/** A right-aligned byte rate: "1.7 KB/s" (connection traffic, which brokers count in bytes). */
export function byteRateColumn<T>(id: string, header: string, get: (row: T) => number | null, width = 96): Column<T> {
  return {
    ...rateColumn(id, header, get, width),
    cell: (ctx) => {
      const value = get(ctx.row.original);
      return <span className={`num${value === null || value === 0 ? ' is-zero' : ''}`}>{formatByteRate(value)}</span>;
    },
  };
}

/** A yes/no value shown as a check mark, or nothing. */
export function checkColumn<T>(id: string, header: string, get: (row: T) => boolean, width = 64): Column<T> {
  return {
    id,
    header,
    accessorFn: (row) => (get(row) ? 1 : 0),
    cell: (ctx) => (ctx.getValue<number>() === 1 ? <span className="check" aria-label="yes">✓</span> : <span className="muted" aria-label="no">·</span>),
    meta: { width, align: 'center' },
  };
}

/** A short state word in a coloured pill: running / idle / flow / blocked… */
export function stateColumn<T>(id: string, header: string, get: (row: T) => string, width = 84): Column<T> {
  return {
    id,
    header,
    accessorFn: get,
    cell: (ctx) => {
      const value = ctx.getValue<string>();
      return <span className={`state state--${stateTone(value)}`}>{value || MISSING}</span>;
    },
    meta: { width },
  };
}

function stateTone(state: string): 'ok' | 'idle' | 'warn' | 'bad' {
  switch (state) {
    case 'running':
    case 'live':
      return 'ok';
    case 'idle':
    case 'starting':
    case '':
      return 'idle';
    case 'flow':
    case 'blocking':
    case 'blocked':
    case 'minority':
      return 'warn';
    default:
      return 'bad';
  }
}
