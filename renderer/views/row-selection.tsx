import { createContext, useContext, useEffect, useRef, type MouseEvent } from 'react';
import './row-selection.css';

/**
 * Ticked rows of a list view, by row key. Kept as a Set in the view, not as
 * TanStack's rowSelection: the table builds TanStack rows for the rows in
 * view only, and ticks must survive scrolling, sorting and live updates.
 */
export type RowSelection = {
  selected: ReadonlySet<string>;
  toggle: (key: string) => void;
  /** Ticks every row the filter shows, or unticks them when all are ticked already. */
  toggleShown: () => void;
  shown: 'none' | 'some' | 'all';
};

export const RowSelectionContext = createContext<RowSelection | null>(null);

/** A click on a tick box ticks, it does not also select the row or open it. */
const keepInBox = (event: MouseEvent): void => event.stopPropagation();

export function RowCheckbox({ rowKey, label }: { rowKey: string; label: string }) {
  const selection = useContext(RowSelectionContext);
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={label}
      checked={selection.selected.has(rowKey)}
      onChange={() => selection.toggle(rowKey)}
      onClick={keepInBox}
      onDoubleClick={keepInBox}
    />
  );
}

export function ShownRowsCheckbox({ label }: { label: string }) {
  const selection = useContext(RowSelectionContext);
  const box = useRef<HTMLInputElement>(null);
  const shown = selection?.shown ?? 'none';
  useEffect(() => {
    if (box.current) box.current.indeterminate = shown === 'some';
  }, [shown]);
  if (!selection) return null;
  return <input ref={box} type="checkbox" className="row-check" aria-label={label} checked={shown === 'all'} onChange={selection.toggleShown} />;
}
