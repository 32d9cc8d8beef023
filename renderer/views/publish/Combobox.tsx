import { useId, useMemo, useState } from 'react';

export interface ComboOption {
  readonly value: string;
  /** Shown instead of the value: '(default exchange)' for ''. */
  readonly label?: string;
  /** Grey text at the right: a type, where a key comes from. */
  readonly detail?: string;
}

/** Options drawn at once: a vhost may have thousands of exchanges, and typing narrows the list. */
const SHOWN = 80;

/**
 * A text field with a searchable list of suggestions (WAI-ARIA combobox):
 * typing filters, the arrow keys move, Enter or a click picks, Escape closes
 * the list. Free text is a value too: a routing key need not be suggested.
 * Nothing is active until the user types or moves, so Enter on a field just
 * focused does not replace its value.
 */
export function Combobox({
  id,
  label,
  value,
  onChange,
  options,
  placeholder,
  displayValue = (v) => v,
  emptyText,
  invalid = false,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboOption[];
  placeholder?: string;
  /** How the current value reads in the field ('' as '(default exchange)'). */
  displayValue?: (value: string) => string;
  emptyText: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  /** What the user typed to search since opening; null shows the current value. */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  // Typing sets the value too; a value set from elsewhere (a loaded template) replaces what was typed.
  const typed = query !== null && query === value ? query : null;
  const matching = useMemo(() => {
    const q = (typed ?? '').toLowerCase();
    return q === '' ? options : options.filter((o) => (o.label ?? o.value).toLowerCase().includes(q) || o.value.toLowerCase().includes(q));
  }, [options, typed]);
  const shown = matching.slice(0, SHOWN);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActive(-1);
  };
  const pick = (option: ComboOption) => {
    onChange(option.value);
    close();
  };

  return (
    <div className="combo">
      <input
        id={id}
        className={`input input--mono${invalid ? ' is-invalid' : ''}`}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        value={typed ?? displayValue(value)}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
          // Typing is also a value: a key need not be in the list.
          onChange(event.target.value);
        }}
        onBlur={close}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => Math.min(Math.max(i + step, 0), Math.max(shown.length - 1, 0)));
          } else if (event.key === 'Enter' && open && !(event.ctrlKey || event.metaKey)) {
            const option = shown[active];
            if (option) {
              event.preventDefault();
              pick(option);
            } else close();
          } else if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close();
          }
        }}
      />
      {open && (shown.length > 0 || typed === null) ? (
        <ul className="combo__list" id={listId} role="listbox" aria-label={`${label} suggestions`}>
          {shown.length === 0 ? <li className="combo__empty">{emptyText}</li> : null}
          {shown.map((option, i) => (
            <li
              key={option.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`combo__option${i === active ? ' is-active' : ''}`}
              // Before blur, so the pick is not lost when the field loses focus.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combo__name">{option.label ?? option.value}</span>
              {option.detail ? <span className="combo__detail">{option.detail}</span> : null}
            </li>
          ))}
          {matching.length > shown.length ? <li className="combo__empty">{matching.length - shown.length} more: type to narrow the list</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
