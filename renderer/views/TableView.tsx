import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { FilterInput } from '../components/FilterInput.js';
import { compileTextFilter, type FilterMode } from '../filter/textFilter.js';
import { formatCount } from '../format/numbers.js';
import { inVhost } from '../state/selectors.js';
import { useConsole } from '../state/StoreProvider.js';
import { useRemembered } from '../state/useRemembered.js';
import { type RowSelection, RowSelectionContext } from './row-selection.js';

export type TableViewProps<T extends { key: string; vhost: string }> = {
  rows: readonly T[];
  columns: ColumnDef<T, any>[];
  /** What the filter matches against, e.g. the queue name. */
  filterText: (row: T) => string;
  /** "queue" / "queues". */
  noun: [singular: string, plural: string];
  label: string;
  initialSorting?: SortingState;
  /** Shown under the table for the selected row, when the view has more to say about it. */
  details?: (row: T, close: () => void) => ReactNode;
  /** A row double-clicked or Enter pressed on it: the view opens that row's own page. */
  onRowActivate?: (row: T) => void;
  /**
   * Rows can be ticked (the columns then start with a selectColumn): what the
   * toolbar offers for the ticked rows. Space ticks the row the arrows are on.
   */
  selectionActions?: (ticked: readonly T[], clear: () => void) => ReactNode;
};

/** A list view: filter box, count, and the virtualized table, narrowed to the selected vhost. */
export function TableView<T extends { key: string; vhost: string }>({ rows, columns, filterText, noun, label, initialSorting, details, onRowActivate, selectionActions }: TableViewProps<T>) {
  const vhost = useConsole((s) => s.vhost);
  const [query, setQuery] = useRemembered(`${label}.filter`, '');
  const [mode, setMode] = useRemembered<FilterMode>(`${label}.filterMode`, 'substring');
  const [sorting, setSorting] = useRemembered<SortingState>(`${label}.sorting`, initialSorting ?? []);
  // Typing stays responsive on 10,000 rows: the table catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  const filter = useMemo(() => compileTextFilter(deferredQuery, mode), [deferredQuery, mode]);
  const inScope = useMemo(() => inVhost(rows, vhost), [rows, vhost]);
  const shownColumns = useMemo(() => (vhost === null ? columns : columns.filter((c) => c.id !== 'vhost')), [columns, vhost]);
  const visible = useMemo(() => (filter.ok && filter.active ? inScope.filter((row) => filter.test(filterText(row))) : inScope), [inScope, filter, filterText]);

  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [detailsClosed, setDetailsClosed] = useState(false);
  // Space reads the selection through a ref: the state lands a render later, and a Space pressed
  // right after an arrow must tick the row the arrow moved to, not the one before.
  const selectedKeyRef = useRef<string | null>(null);
  const onSelectedChange = useCallback((key: string | null) => {
    selectedKeyRef.current = key;
    setSelectedKey(key);
    setDetailsClosed(false);
  }, []);
  const selectedRow = useMemo(() => (selectedKey === null ? undefined : visible.find((row) => row.key === selectedKey)), [visible, selectedKey]);
  const closeDetails = useCallback(() => setDetailsClosed(true), []);
  // Read through a ref: a callback that changed with every live update would re-render every row.
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const activate = useMemo(() => {
    if (!onRowActivate) return undefined;
    return (key: string) => {
      const row = visibleRef.current.find((r) => r.key === key);
      if (row) onRowActivate(row);
    };
  }, [onRowActivate]);

  const [ticked, setTicked] = useRemembered<ReadonlySet<string>>(`${label}.ticked`, new Set());
  const tickedRows = useMemo(() => (ticked.size === 0 ? [] : rows.filter((row) => ticked.has(row.key))), [rows, ticked]);
  const selection = useMemo<RowSelection>(() => {
    const shownTicked = ticked.size === 0 ? 0 : visible.reduce((n, row) => n + (ticked.has(row.key) ? 1 : 0), 0);
    return {
      selected: ticked,
      shown: shownTicked === 0 ? 'none' : shownTicked === visible.length ? 'all' : 'some',
      toggle: (key) => {
        const next = new Set(ticked);
        if (!next.delete(key)) next.add(key);
        setTicked(next);
      },
      toggleShown: () => {
        const next = new Set(ticked);
        const all = shownTicked === visible.length;
        for (const row of visible) {
          if (all) next.delete(row.key);
          else next.add(row.key);
        }
        setTicked(next);
      },
    };
  }, [ticked, visible, setTicked]);
  const clearTicked = useCallback(() => setTicked(new Set()), [setTicked]);
  const tickActive = (event: KeyboardEvent<HTMLDivElement>): void => {
    const active = selectedKeyRef.current;
    if (!selectionActions || event.key !== ' ' || (event.target as HTMLElement).getAttribute('role') !== 'grid' || active === null) return;
    event.preventDefault();
    selection.toggle(active);
  };

  const [singular, plural] = noun;
  const nounFor = (n: number): string => (n === 1 ? singular : plural);
  const count =
    visible.length === inScope.length
      ? `${formatCount(inScope.length)} ${nounFor(inScope.length)}`
      : `${formatCount(visible.length)} of ${formatCount(inScope.length)} ${nounFor(inScope.length)}`;
  const where = vhost === null ? 'on this broker' : `in vhost ${vhost}`;
  const empty =
    inScope.length === 0 ? (
      <EmptyState title={`No ${plural} ${where}`} />
    ) : (
      <EmptyState title={`No ${plural} match “${deferredQuery}”`}>Press Escape in the filter box to clear it.</EmptyState>
    );

  return (
    <div className="table-view" onKeyDown={selectionActions ? tickActive : undefined}>
      <div className="toolbar">
        <FilterInput
          value={query}
          mode={mode}
          onChange={setQuery}
          onModeChange={setMode}
          error={filter.ok ? null : filter.error}
          placeholder={`Filter ${plural}${mode === 'regex' ? ' by regex' : ''}`}
        />
        {selectionActions && tickedRows.length > 0 ? <div className="toolbar__selection">{selectionActions(tickedRows, clearTicked)}</div> : null}
        <span className="toolbar__count" aria-live="polite">
          {count}
        </span>
      </div>
      <RowSelectionContext.Provider value={selectionActions ? selection : null}>
        <DataTable
          rows={visible}
          columns={shownColumns}
          label={label}
          sorting={sorting}
          onSortingChange={setSorting}
          onSelectedChange={details || selectionActions ? onSelectedChange : undefined}
          onRowActivate={activate}
          scrollResetKey={`${vhost ?? ''}\u0000${mode}\u0000${deferredQuery}`}
          empty={empty}
        />
      </RowSelectionContext.Provider>
      {details && selectedRow && !detailsClosed ? details(selectedRow, closeDetails) : null}
    </div>
  );
}
