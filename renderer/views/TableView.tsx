import type { ColumnDef, SortingState } from '@tanstack/react-table';
import { useCallback, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { FilterInput } from '../components/FilterInput.js';
import { compileTextFilter, type FilterMode } from '../filter/textFilter.js';
import { formatCount } from '../format/numbers.js';
import { inVhost } from '../state/selectors.js';
import { useConsole } from '../state/StoreProvider.js';
import { useRemembered } from '../state/useRemembered.js';

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
};

/** A list view: filter box, count, and the virtualized table, narrowed to the selected vhost. */
export function TableView<T extends { key: string; vhost: string }>({ rows, columns, filterText, noun, label, initialSorting, details, onRowActivate }: TableViewProps<T>) {
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
  const onSelectedChange = useCallback((key: string | null) => {
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
    <div className="table-view">
      <div className="toolbar">
        <FilterInput
          value={query}
          mode={mode}
          onChange={setQuery}
          onModeChange={setMode}
          error={filter.ok ? null : filter.error}
          placeholder={`Filter ${plural}${mode === 'regex' ? ' by regex' : ''}`}
        />
        <span className="toolbar__count" aria-live="polite">
          {count}
        </span>
      </div>
      <DataTable
        rows={visible}
        columns={shownColumns}
        label={label}
        sorting={sorting}
        onSortingChange={setSorting}
        onSelectedChange={details ? onSelectedChange : undefined}
        onRowActivate={activate}
        scrollResetKey={`${vhost ?? ''}\u0000${mode}\u0000${deferredQuery}`}
        empty={empty}
      />
      {details && selectedRow && !detailsClosed ? details(selectedRow, closeDetails) : null}
    </div>
  );
}
