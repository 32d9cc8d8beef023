import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Width in pixels; with `grow` it is the minimum and the column takes the spare room. */
    width: number;
    grow?: boolean;
    /** Numbers are right-aligned so their digits line up. */
    align?: 'left' | 'right' | 'center';
  }
}

export type DataTableProps<T extends { key: string }> = {
  rows: readonly T[];
  // The columns mix value types; TanStack's own helpers type them this way too.
  columns: ColumnDef<T, any>[];
  /** Read by screen readers: "Queues". */
  label: string;
  initialSorting?: SortingState;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
};

export const ROW_HEIGHT = 28;
const PAGE_ROWS = 20;

function gridTemplate<T>(columns: ColumnDef<T, unknown>[]): { template: string; minWidth: number } {
  let minWidth = 0;
  const parts = columns.map((column) => {
    const meta = column.meta;
    const width = meta?.width ?? 120;
    minWidth += width;
    return meta?.grow ? `minmax(${width}px, 1fr)` : `${width}px`;
  });
  return { template: parts.join(' '), minWidth };
}

/**
 * A sortable table that renders only the rows in view, so 10,000 rows scroll
 * as smoothly as 10. Rows are identified by `key`: selection and scroll
 * position survive live updates.
 */
export function DataTable<T extends { key: string }>({ rows, columns, label, initialSorting = [], empty }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();

  const table = useReactTable<T>({
    data: rows as T[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.key,
  });
  const sortedRows = table.getRowModel().rows;
  const { template, minWidth } = useMemo(() => gridTemplate(columns as ColumnDef<T, unknown>[]), [columns]);
  const gridStyle = { gridTemplateColumns: template };

  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => sortedRows[index]?.id ?? index,
  });

  const selectedIndex = selectedKey === null ? -1 : sortedRows.findIndex((row) => row.id === selectedKey);

  // A selected row that vanished (deleted queue, filtered out) is forgotten.
  useEffect(() => {
    if (selectedKey !== null && selectedIndex === -1) setSelectedKey(null);
  }, [selectedKey, selectedIndex]);

  const select = useCallback(
    (index: number) => {
      const row = sortedRows[index];
      if (!row) return;
      setSelectedKey(row.id);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [sortedRows, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = sortedRows.length - 1;
    if (last < 0) return;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, selectedIndex + 1),
      ArrowUp: Math.max(0, selectedIndex === -1 ? 0 : selectedIndex - 1),
      PageDown: Math.min(last, Math.max(0, selectedIndex) + PAGE_ROWS),
      PageUp: Math.max(0, selectedIndex - PAGE_ROWS),
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) {
      if (event.key === 'Escape') setSelectedKey(null);
      return;
    }
    event.preventDefault();
    select(target);
  };

  const headerGroup = table.getHeaderGroups()[0];
  const activeDescendant = selectedIndex >= 0 ? `${idPrefix}-row-${selectedIndex}` : undefined;

  return (
    <div
      className="data-table"
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={sortedRows.length + 1}
      aria-activedescendant={activeDescendant}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="data-table__inner" style={{ minWidth }}>
        <div className="data-table__header" role="row" aria-rowindex={1} style={gridStyle}>
          {headerGroup?.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const align = header.column.columnDef.meta?.align ?? 'left';
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`data-table__th align-${align}`}
              >
                {header.column.getCanSort() ? (
                  <button type="button" className="data-table__sort" onClick={header.column.getToggleSortingHandler()}>
                    <span className="data-table__th-label">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                    <span className={`sort-arrow${sorted ? ' is-sorted' : ''}`} aria-hidden="true">
                      {sorted === 'desc' ? '↓' : '↑'}
                    </span>
                  </button>
                ) : (
                  flexRender(header.column.columnDef.header, header.getContext())
                )}
              </div>
            );
          })}
        </div>
        {sortedRows.length === 0 ? (
          <div className="data-table__empty">{empty}</div>
        ) : (
          <div className="data-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = sortedRows[item.index];
              if (!row) return null;
              const selected = item.index === selectedIndex;
              return (
                <div
                  key={row.id}
                  id={`${idPrefix}-row-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={`data-table__row${selected ? ' is-selected' : ''}${item.index % 2 === 1 ? ' is-odd' : ''}`}
                  style={{ ...gridStyle, transform: `translateY(${item.start}px)` }}
                  onClick={() => setSelectedKey(row.id)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <div key={cell.id} role="gridcell" className={`data-table__td align-${cell.column.columnDef.meta?.align ?? 'left'}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
