import { Icon } from '../../../components/Icon.js';
import { Switch } from '../../../components/Switch.js';
import { type ArgumentsDraft, type ExtraArgument, newExtraRow, type ValueType } from './argument-draft.js';
import type { ArgumentSpec } from './known-arguments.js';

/**
 * Typed fields for the arguments the broker knows, then free key/value rows
 * with a value type for any other (plugins, newer brokers, headers).
 */
export function ArgumentsEditor({
  specs,
  draft,
  onChange,
  errors,
  exchanges,
  choicesFor,
  extraLabel = 'Other arguments',
}: {
  specs: readonly ArgumentSpec[];
  draft: ArgumentsDraft;
  onChange: (draft: ArgumentsDraft) => void;
  errors: Record<string, string>;
  /** Exchange names of the vhost, offered for the fields that name one. */
  exchanges: readonly string[];
  /** Narrows a choice field to what this broker supports. */
  choicesFor?: (spec: ArgumentSpec) => readonly string[];
  extraLabel?: string;
}) {
  const setKnown = (key: string, value: string) => onChange({ ...draft, known: { ...draft.known, [key]: value } });
  const setExtra = (id: number, patch: Partial<ExtraArgument>) => onChange({ ...draft, extra: draft.extra.map((r) => (r.id === id ? { ...r, ...patch } : r)) });
  const listId = 'editor-exchange-names';
  return (
    <div className="args">
      {specs.length > 0 ? (
        <div className="args__known">
          {specs.map((spec) => {
            const id = `arg-${spec.key}`;
            const value = draft.known[spec.key] ?? '';
            const error = errors[spec.key];
            if (spec.kind === 'boolean') {
              return (
                <div key={spec.key} className="field args__switch" title={spec.hint}>
                  <Switch id={id} label={spec.label} checked={value === 'true'} onChange={(on) => setKnown(spec.key, on ? 'true' : '')} />
                  <span className="field__hint">
                    <code>{spec.key}</code>
                  </span>
                </div>
              );
            }
            return (
              <div key={spec.key} className={`field${error ? ' has-error' : ''}`}>
                <label className="field__label args__label" htmlFor={id} title={spec.hint}>
                  <span>{spec.label}</span>
                  <code className="args__key">{spec.key}</code>
                </label>
                {spec.kind === 'choice' ? (
                  <select id={id} className="select args__select" value={value} onChange={(e) => setKnown(spec.key, e.target.value)}>
                    <option value="">(broker default)</option>
                    {(choicesFor?.(spec) ?? spec.choices ?? []).map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <div className="args__input">
                    <input
                      id={id}
                      className="input"
                      inputMode={spec.kind === 'integer' ? 'numeric' : undefined}
                      list={spec.exchange ? listId : undefined}
                      value={value}
                      placeholder="not set"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      onChange={(e) => setKnown(spec.key, e.target.value)}
                    />
                    {spec.unit ? <span className="args__unit">{spec.unit}</span> : null}
                  </div>
                )}
                {error ? (
                  <span className="field__error" id={`${id}-error`}>
                    {error}
                  </span>
                ) : null}
              </div>
            );
          })}
          <datalist id={listId}>
            {exchanges.filter((n) => n !== '').map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </div>
      ) : null}
      <fieldset className="args__extra">
        <legend className="field__label">{extraLabel}</legend>
        {draft.extra.map((row) => {
          const error = errors[`extra:${row.id}`];
          return (
            <div key={row.id} className={`args__row${error ? ' has-error' : ''}`}>
              <input className="input input--mono" aria-label="Argument name" placeholder="x-name" value={row.key} onChange={(e) => setExtra(row.id, { key: e.target.value })} />
              <select className="select" aria-label="Value type" value={row.type} onChange={(e) => setExtra(row.id, { type: e.target.value as ValueType, value: e.target.value === 'boolean' ? 'true' : row.value })}>
                <option value="string">string</option>
                <option value="number">number</option>
                <option value="boolean">boolean</option>
              </select>
              {row.type === 'boolean' ? (
                <select className="select args__value" aria-label="Value" value={row.value} onChange={(e) => setExtra(row.id, { value: e.target.value })}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </select>
              ) : (
                <input
                  className="input input--mono args__value"
                  aria-label="Value"
                  inputMode={row.type === 'number' ? 'decimal' : undefined}
                  value={row.value}
                  onChange={(e) => setExtra(row.id, { value: e.target.value })}
                />
              )}
              <button type="button" className="button button--ghost button--small" aria-label={`Remove ${row.key || 'argument'}`} onClick={() => onChange({ ...draft, extra: draft.extra.filter((r) => r.id !== row.id) })}>
                <Icon name="cross" size={14} />
              </button>
              {error ? <span className="field__error args__row-error">{error}</span> : null}
            </div>
          );
        })}
        <button type="button" className="button button--small args__add" onClick={() => onChange({ ...draft, extra: [...draft.extra, newExtraRow()] })}>
          <Icon name="plus" size={14} /> Add argument
        </button>
      </fieldset>
    </div>
  );
}
