import { forwardRef, useId, useMemo, useState } from 'react';
import type { TopologyExchange } from '../../../../shared/model/topology.js';

export const DEFAULT_EXCHANGE_LABEL = '(AMQP default)';

/** Options drawn at once: a broker may have thousands of exchanges, and typing narrows the list. */
const OPTIONS_SHOWN = 100;

const labelOf = (name: string): string => (name === '' ? DEFAULT_EXCHANGE_LABEL : name);

export type ExchangePickerProps = {
  exchanges: readonly TopologyExchange[];
  value: string;
  onChange: (exchange: string) => void;
};

/**
 * A searchable combobox (WAI-ARIA pattern): typing filters the list, the
 * arrow keys move through it, Enter picks, Escape restores the current
 * value. A name that is not in the list can still be typed and explained:
 * the explainer then says the exchange does not exist.
 */
export const ExchangePicker = forwardRef<HTMLInputElement, ExchangePickerProps>(function ExchangePicker({ exchanges, value, onChange }, ref) {
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = query !== null;
  const matching = useMemo(() => {
    const q = (query ?? '').toLowerCase();
    return [...exchanges]
      .sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : a.name.localeCompare(b.name)))
      .filter((x) => q === '' || labelOf(x.name).toLowerCase().includes(q));
  }, [exchanges, query]);
  const options = matching.slice(0, OPTIONS_SHOWN);

  const pick = (name: string) => {
    onChange(name);
    setQuery(null);
  };

  return (
    <div className="route-picker">
      <input
        ref={ref}
        id="route-exchange"
        className="input input--mono"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        placeholder="Search exchanges"
        spellCheck={false}
        autoComplete="off"
        value={query ?? labelOf(value)}
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => {
          if (!open) setQuery('');
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onBlur={() => {
          // A typed name that matches nothing is taken as is: explaining it says it does not exist.
          if (query !== null && query !== '' && options.length === 0) onChange(query);
          setQuery(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!open) {
              setQuery('');
              setActive(0);
              return;
            }
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => Math.min(Math.max(i + step, 0), Math.max(options.length - 1, 0)));
          } else if (event.key === 'Enter' && open) {
            event.preventDefault();
            const option = options[active];
            if (option) pick(option.name);
            else if (query) pick(query);
          } else if (event.key === 'Escape' && open) {
            // Closes the list only; a second Escape reaches the panel and closes it.
            event.stopPropagation();
            setQuery(null);
          }
        }}
      />
      {open ? (
        <ul className="route-picker__list" id={listId} role="listbox" aria-label="Exchanges">
          {options.length === 0 ? <li className="route-picker__empty">No exchange matches; Enter explains this name as typed</li> : null}
          {options.map((x, i) => (
            <li
              key={x.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`route-picker__option${i === active ? ' is-active' : ''}`}
              // Before blur, so the click is not lost when the input loses focus.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(x.name);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="route-picker__name">{labelOf(x.name)}</span>
              <span className="route-picker__type">
                {x.type}
                {x.internal ? ' · internal' : ''}
              </span>
            </li>
          ))}
          {matching.length > options.length ? (
            <li className="route-picker__empty">
              {matching.length - options.length} more: type to narrow the list
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
});
