import { useId, useRef } from 'react';
import type { FilterMode } from '../filter/textFilter.js';
import { Icon } from './Icon.js';

export type FilterInputProps = {
  value: string;
  mode: FilterMode;
  onChange: (value: string) => void;
  onModeChange: (mode: FilterMode) => void;
  /** Why the regex does not compile; shown under the box. */
  error: string | null;
  placeholder: string;
};

/** The view's filter box: "/" focuses it, Escape clears it, ".*" switches to regex. */
export function FilterInput({ value, mode, onChange, onModeChange, error, placeholder }: FilterInputProps) {
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className={`filter${error ? ' has-error' : ''}`}>
      <div className="filter__box">
        <Icon name="search" size={14} className="filter__icon" />
        <input
          ref={inputRef}
          type="search"
          className="filter__input"
          data-filter-input=""
          value={value}
          placeholder={placeholder}
          aria-label={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              onChange('');
              event.currentTarget.blur();
            }
          }}
        />
        <kbd className="filter__hint" aria-hidden="true">
          /
        </kbd>
        <button
          type="button"
          className="filter__mode"
          aria-pressed={mode === 'regex'}
          title={mode === 'regex' ? 'Regular expression (click for plain text)' : 'Plain text (click for regular expression)'}
          onClick={() => {
            onModeChange(mode === 'regex' ? 'substring' : 'regex');
            // The user is mid-query: keep typing where they were.
            inputRef.current?.focus();
          }}
        >
          .*
        </button>
      </div>
      {error ? (
        <div className="filter__error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
