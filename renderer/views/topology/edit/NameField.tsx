/**
 * The name of an exchange or queue being declared: typed for a new one,
 * read-only when editing (a rename would be another entity), with its problem below.
 */
export function NameField({ id, value, isNew, error, onChange }: { id: string; value: string; isNew: boolean; error: string | undefined; onChange: (name: string) => void }) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        Name
      </label>
      <input
        id={id}
        className="input"
        value={value}
        autoFocus={isNew}
        readOnly={!isNew}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? <span className="field__error">{error}</span> : null}
    </div>
  );
}
