import { type Ref, useId, useMemo, useState } from 'react';
import './combobox.css';

export interface ComboOption {
  readonly value: string;
  /** Shown instead of the value: '(default exchange)' for ''. */
  readonly label?: string;
  /** Grey text at the right: a type, where a key comes from. */
  readonly detail?: string;
}

/**
 * How typing becomes the value. 'typing': every keystroke is the value (a
 * routing key need not be suggested). 'pick': typing only searches; the value
 * changes on a pick, or to the text as typed when nothing matches (Enter or
 * leaving the field). A 'pick' field selects its text on focus, so typing
 * searches afresh, and its list opens on typing, a click or an arrow key,
 * not on focus alone (a panel focusing it on open is not covered by a list).
 */
export type ComboCommit = 'typing' | 'pick';

/** Options drawn at once: a vhost may have thousands of exchanges, and typing narrows the list. */
const SHOWN = 100;

/**
 * A text field with a searchable list of suggestions (WAI-ARIA combobox):
 * typing filters, the arrow keys move, Enter or a click picks, Escape closes
 * the list (and only the list: a second Escape reaches what holds the field).
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
  commit = 'typing',
  invalid = false,
  describedBy,
  ref,
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
  commit?: ComboCommit;
  invalid?: boolean;
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const listId = useId();
  const picking = commit === 'pick';
  const [open, setOpen] = useState(false);
  /** What the user typed to search since opening; null shows the current value. */
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  // When typing sets the value, a value set from elsewhere (a loaded template) replaces what was typed.
  const typed = picking || query === value ? query : null;
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
  /** A search that matches nothing is taken as typed: the name need not exist (the broker says so). */
  const takeUnmatched = () => {
    if (picking && typed && matching.length === 0) onChange(typed);
  };

  return (
    <div className="combo">
      <input
        ref={ref}
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
        onFocus={(event) => {
          if (picking) event.currentTarget.select();
          else setOpen(true);
        }}
        onClick={() => {
          if (open) return;
          setOpen(true);
          // Searching afresh: the whole list, the field empty for typing.
          if (picking) setQuery('');
        }}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
          if (!picking) onChange(event.target.value);
        }}
        onBlur={() => {
          takeUnmatched();
          close();
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(true);
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => Math.min(Math.max(i + step, 0), Math.max(shown.length - 1, 0)));
          } else if (event.key === 'Enter' && open && !(event.ctrlKey || event.metaKey)) {
            const option = shown[active];
            if (option || picking) event.preventDefault();
            if (option) pick(option);
            else {
              takeUnmatched();
              close();
            }
          } else if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close();
          }
        }}
      />
      {open && (shown.length > 0 || typed === null || picking) ? (
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
