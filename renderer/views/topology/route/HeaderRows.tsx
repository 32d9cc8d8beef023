import { Icon } from '../../../components/Icon.js';
import { HEADER_TYPES, type HeaderRow, type HeaderType, headerRow } from './route-form.js';

export type HeaderRowsProps = {
  rows: readonly HeaderRow[];
  problems: ReadonlyMap<number, string>;
  onChange: (rows: HeaderRow[]) => void;
};

const placeholderOf = (type: HeaderType): string => (type === 'list' ? 'a.b, c.d' : type === 'number' ? '42' : 'value');

/** Typed key/value rows for the message headers. */
export function HeaderRows({ rows, problems, onChange }: HeaderRowsProps) {
  const update = (id: number, change: Partial<HeaderRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <div className="route-headers">
      {rows.map((row, i) => {
        const problem = problems.get(row.id);
        return (
          <div className="route-headers__row" key={row.id}>
            <input
              className="input input--mono"
              aria-label={`Header ${i + 1} name`}
              placeholder="name"
              spellCheck={false}
              value={row.key}
              onChange={(event) => update(row.id, { key: event.target.value })}
            />
            <select
              className="select"
              aria-label={`Header ${i + 1} type`}
              value={row.type}
              onChange={(event) => {
                const type = event.target.value as HeaderType;
                update(row.id, { type, value: type === 'boolean' ? 'true' : type === 'void' ? '' : row.value });
              }}
            >
              {HEADER_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            {row.type === 'boolean' ? (
              <select className="select" aria-label={`Header ${i + 1} value`} value={row.value} onChange={(event) => update(row.id, { value: event.target.value })}>
                <option value="true">true</option>
                <option value="false">false</option>
              </select>
            ) : (
              <input
                className="input input--mono"
                aria-label={`Header ${i + 1} value`}
                aria-invalid={problem ? true : undefined}
                title={row.type === 'list' ? 'Comma-separated strings (CC and BCC add routing keys)' : problem}
                placeholder={row.type === 'void' ? 'no value' : placeholderOf(row.type)}
                disabled={row.type === 'void'}
                spellCheck={false}
                value={row.type === 'void' ? '' : row.value}
                onChange={(event) => update(row.id, { value: event.target.value })}
              />
            )}
            <button
              type="button"
              className="button button--ghost button--small route-headers__remove"
              aria-label={`Remove header ${row.key || i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
            >
              <Icon name="cross" size={14} />
            </button>
            {problem ? (
              <p className="route-headers__problem" role="alert">
                {row.key || 'This header'}: {problem}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="button button--small" onClick={() => onChange([...rows, headerRow()])}>
        <Icon name="plus" size={14} />
        Add header
      </button>
    </div>
  );
}
