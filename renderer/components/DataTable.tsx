import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type RowData, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { sortRows } from './sortRows.js';

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
  columns: ColumnDef<T, any>[];
  /** Read by screen readers: "Queues". */
  label: string;
  initialSorting?: SortingState;
  /** Controlled sorting, for a caller that remembers it; otherwise the table keeps its own. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** When this changes (a new filter, another vhost), the table scrolls back to the top. */
  scrollResetKey?: string;
  /** Told the key of the selected row (null when none), e.g. to show its details. */
  onSelectedChange?: (key: string | null) => void;
  /** A row opened: double-clicked, or Enter on the selected row (e.g. to show its own page). */
  onRowActivate?: (key: string) => void;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
};

const ROW_HEIGHT = 28;
/** The sticky header sits inside the scroll container, above the rows: the virtualizer must count it. */
const HEADER_HEIGHT = 30;
const PAGE_ROWS = 20;
const estimateRowHeight = (): number => ROW_HEIGHT;

/**
 * Row elements are recycled: each row in the window holds a slot, the React
 * key of its element, for as long as it stays in the window, and a row that
 * scrolls in takes over the slot of one that scrolled out. A scroll step then
 * rewrites a few cells' text and attributes instead of creating and discarding
 * whole subtrees (DOM work, style of new elements, garbage). Slots are distinct
 * within a window, whatever its size, so keys never collide.
 */
function assignSlots(keys: readonly string[], previous: ReadonlyMap<string, number>): Map<string, number> {
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of keys) {
    const slot = previous.get(key);
    if (slot !== undefined) {
      slots.set(key, slot);
      taken.add(slot);
    }
  }
  let free = 0;
  for (const key of keys) {
    if (slots.has(key)) continue;
    while (taken.has(free)) free++;
    slots.set(key, free);
    taken.add(free);
  }
  return slots;
}

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

type TableRowProps<T> = {
  row: Row<T>;
  index: number;
  start: number;
  selected: boolean;
  template: string;
  columns: unknown;
  id: string;
  onSelect: (key: string) => void;
  onActivate?: (key: string) => void;
};

function TableRowView<T>({ row, index, start, selected, template, id, onSelect, onActivate }: TableRowProps<T>) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`data-table__row${selected ? ' is-selected' : ''}`}
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(row.id)}
      onDoubleClick={onActivate ? () => onActivate(row.id) : undefined}
    >
      {/* Keyed by column, not by cell id: a recycled row element keeps its cells and only their content changes. */}
      {row.getVisibleCells().map((cell) => (
        <div key={cell.column.id} role="gridcell" className={`data-table__td align-${cell.column.columnDef.meta?.align ?? 'left'}`}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
}

/**
 * A row re-renders only when its data, place, selection or columns change:
 * while scrolling, a frame pays only for the rows that scrolled in, drawn
 * into recycled elements (see assignSlots). (The TanStack row object itself
 * is rebuilt with every window, so it is not compared.)
 */
const TableRow = memo(
  TableRowView,
  (a, b) =>
    a.row.original === b.row.original &&
    a.index === b.index &&
    a.start === b.start &&
    a.selected === b.selected &&
    a.template === b.template &&
    a.columns === b.columns &&
    a.id === b.id &&
    a.onActivate === b.onActivate,
) as typeof TableRowView;

/**
 * A sortable table that renders only the rows in view, so 10,000 rows scroll
 * as smoothly as 10. Rows are identified by `key`: selection and scroll
 * position survive live updates. Sorting happens on the plain rows; TanStack
 * builds row objects for the visible window only.
 */
export function DataTable<T extends { key: string }>(props: DataTableProps<T>) {
  const { rows, columns, label, initialSorting = [], empty } = props;
  const [ownSorting, setOwnSorting] = useState<SortingState>(initialSorting);
  const sorting = props.sorting ?? ownSorting;
  const setSorting = (updater: SortingState | ((old: SortingState) => SortingState)): void => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    setOwnSorting(next);
    props.onSortingChange?.(next);
  };
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();

  const sortedRows = useMemo(() => sortRows(rows, columns as ColumnDef<T, unknown>[], sorting), [rows, columns, sorting]);
  const { template, minWidth } = useMemo(() => gridTemplate(columns as ColumnDef<T, unknown>[]), [columns]);

  // Stable callbacks: a new getItemKey makes the virtualizer recompute every row's offset.
  const getItemKey = useCallback((index: number) => sortedRows[index]?.key ?? index, [sortedRows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement,
    estimateSize: estimateRowHeight,
    overscan: 8,
    // Rows start below the header, and a row scrolled to must not hide under it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const windowRows = useMemo(() => items.map((item) => sortedRows[item.index]).filter((row): row is T => row !== undefined), [items, sortedRows]);

  const table = useReactTable<T>({
    data: windowRows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.key,
  });
  const tableRows = table.getRowModel().rows;

  const selectedIndex = useMemo(() => (selectedKey === null ? -1 : sortedRows.findIndex((row) => row.key === selectedKey)), [selectedKey, sortedRows]);

  // A selected row that vanished (deleted queue, filtered out) is forgotten.
  useEffect(() => {
    if (selectedKey !== null && selectedIndex === -1) setSelectedKey(null);
  }, [selectedKey, selectedIndex]);

  // When the viewport shrinks (a details panel opens under it), keep the selected row in view.
  const viewportHeight = virtualizer.scrollRect?.height ?? 0;
  const selectedIndexRef = useRef(selectedIndex);
  selectedIndexRef.current = selectedIndex;
  useEffect(() => {
    if (selectedIndexRef.current >= 0 && viewportHeight > 0) virtualizer.scrollToIndex(selectedIndexRef.current, { align: 'auto' });
  }, [viewportHeight, virtualizer]);

  // A new filter is a new list: start reading it from the top, not from where the old one was.
  const { scrollResetKey } = props;
  const firstResetKey = useRef(scrollResetKey);
  useEffect(() => {
    if (scrollResetKey === firstResetKey.current) return;
    firstResetKey.current = undefined;
    virtualizer.scrollToOffset(0);
  }, [scrollResetKey, virtualizer]);

  const { onSelectedChange } = props;
  useEffect(() => {
    onSelectedChange?.(selectedKey);
  }, [onSelectedChange, selectedKey]);

  const select = (index: number): void => {
    const row = sortedRows[index];
    if (!row) return;
    setSelectedKey(row.key);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = sortedRows.length - 1;
    if (last < 0) return;
    // With nothing selected, the arrows start from the first row in view, not from the top of the list.
    const firstInView = Math.min(last, Math.ceil((virtualizer.scrollOffset ?? 0) / ROW_HEIGHT));
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex === -1 ? firstInView : Math.min(last, selectedIndex + 1),
      ArrowUp: selectedIndex === -1 ? firstInView : Math.max(0, selectedIndex - 1),
      PageDown: Math.min(last, Math.max(0, selectedIndex) + PAGE_ROWS),
      PageUp: Math.max(0, selectedIndex - PAGE_ROWS),
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target === undefined) {
      if (event.key === 'Escape') setSelectedKey(null);
      if (event.key === 'Enter' && selectedKey !== null && props.onRowActivate) {
        event.preventDefault();
        props.onRowActivate(selectedKey);
      }
      return;
    }
    event.preventDefault();
    select(target);
  };

  const headerGroup = table.getHeaderGroups()[0];
  // Recomputed from the last window each render: the same window always gets the same slots.
  const slotsRef = useRef<ReadonlyMap<string, number>>(new Map());
  const slots = assignSlots(tableRows.map((row) => row.id), slotsRef.current);
  slotsRef.current = slots;
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
        <div className="data-table__header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
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
                    <span className="data-table__th-label" title={typeof header.column.columnDef.header === 'string' ? header.column.columnDef.header : undefined}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </span>
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
            {items.map((item, i) => {
              const row = tableRows[i];
              if (!row) return null;
              return (
                <TableRow
                  key={slots.get(row.id)}
                  row={row}
                  index={item.index}
                  start={item.start - HEADER_HEIGHT}
                  selected={item.index === selectedIndex}
                  template={template}
                  columns={columns}
                  id={`${idPrefix}-row-${item.index}`}
                  onSelect={setSelectedKey}
                  onActivate={props.onRowActivate}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
