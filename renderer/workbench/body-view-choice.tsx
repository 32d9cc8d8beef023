/** One option of a Choice: its value, its label, and why it cannot be chosen now (disabled with that as its tooltip). */
export type ChoiceOption<T extends string> = { value: T; label: string; unavailable?: string | null };

/** A segmented control: a radio group drawn as joined buttons (body view modes, filter modes, sources). */
export function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly ChoiceOption<T>[]; onChange: (value: T) => void }) {
  return (
    <div className="wb-segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={value === option.value}
          className={`wb-segmented__item${value === option.value ? ' is-active' : ''}`}
          disabled={Boolean(option.unavailable)}
          title={option.unavailable ?? undefined}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
