import { Icon } from '../../components/Icon.js';

/** Finds a node by name: Enter focuses the next match (Shift+Enter the previous), Escape clears. */
export function SearchBox({
  value,
  onChange,
  position,
  count,
  onStep,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Index of the focused match, -1 before the first Enter. */
  position: number;
  count: number;
  onStep: (backwards: boolean) => void;
}) {
  return (
    <div className="topo-search">
      <Icon name="search" size={14} className="topo-search__icon" />
      <input
        type="search"
        className="topo-search__input"
        data-filter-input=""
        placeholder="Find a node…"
        aria-label="Find a node"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onStep(event.shiftKey);
          } else if (event.key === 'Escape') {
            onChange('');
            event.currentTarget.blur();
          }
        }}
      />
      {value.trim() !== '' ? (
        <span className="topo-search__count" aria-live="polite">
          {count === 0 ? 'no match' : position < 0 ? `${count} found` : `${position + 1} of ${count}`}
        </span>
      ) : null}
    </div>
  );
}
