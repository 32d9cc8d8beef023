import { useMemo, useState } from 'react';
import type { DiffEntry, DiffStatus } from '../../../shared/definitions/diff.js';
import { ENTITIES, ENTITY_LABELS, type Entity } from '../../../shared/definitions/model.js';
import { showValue } from './labels.js';

const STATUS_LABEL: Record<DiffStatus, string> = { removed: 'Only left', added: 'Only right', changed: 'Different', same: 'Same' };

/**
 * Two sides item by item, with filters by entity type and by status; what
 * differs is highlighted on both sides. Identical items are hidden at first.
 */
export function DiffTable({ entries, labels }: { entries: readonly DiffEntry[]; labels: [string, string] }) {
  const [statuses, setStatuses] = useState<ReadonlySet<DiffStatus>>(new Set(['removed', 'added', 'changed']));
  const [hidden, setHidden] = useState<ReadonlySet<Entity>>(new Set());
  const present = ENTITIES.filter((e) => entries.some((x) => x.entity === e));
  const shown = useMemo(() => entries.filter((e) => statuses.has(e.status) && !hidden.has(e.entity)), [entries, statuses, hidden]);
  const count = (s: DiffStatus) => entries.filter((e) => e.status === s && !hidden.has(e.entity)).length;
  const toggle = <T,>(set: ReadonlySet<T>, value: T): Set<T> => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  return (
    <section className="defs-diff" aria-label="Differences">
      <div className="defs-filters" role="group" aria-label="Filters">
        {(['removed', 'added', 'changed', 'same'] as const).map((s) => (
          <button key={s} type="button" className={`defs-chip defs-chip--${s}`} aria-pressed={statuses.has(s)} onClick={() => setStatuses(toggle(statuses, s))}>
            {STATUS_LABEL[s]} <span className="num">{count(s)}</span>
          </button>
        ))}
        <span className="defs-filters__sep" aria-hidden="true" />
        {present.map((e) => (
          <button key={e} type="button" className="defs-chip" aria-pressed={!hidden.has(e)} onClick={() => setHidden(toggle(hidden, e))}>
            {ENTITY_LABELS[e][1]}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="defs-empty" role="status">
          {entries.some((e) => e.status !== 'same') ? 'Nothing matches the filters.' : 'No differences: both sides have the same definitions.'}
        </p>
      ) : (
        <table className="defs-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">{labels[0]}</th>
              <th scope="col">{labels[1]}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={`${e.entity}-${e.key}`} className={`defs-table__row is-${e.status}`}>
                <th scope="row">
                  <div className="defs-table__item">
                    <span className="defs-table__entity">{ENTITY_LABELS[e.entity][0]}</span>
                    <span className="defs-table__name">{e.name}</span>
                    {e.vhost !== null && e.entity !== 'permission' ? <span className="defs-table__vhost">{e.vhost}</span> : null}
                    <span className={`defs-status defs-status--${e.status}`}>{STATUS_LABEL[e.status]}</span>
                  </div>
                </th>
                <td>
                  <Props props={e.before} changed={e.fields} />
                </td>
                <td>
                  <Props props={e.after} changed={e.fields} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Props({ props, changed }: { props: Record<string, unknown> | null; changed: readonly string[] }) {
  if (!props) return <span className="defs-absent">absent</span>;
  const keys = Object.keys(props).sort();
  if (keys.length === 0) return <span className="muted">present</span>;
  return (
    <dl className="defs-props">
      {keys.map((k) => (
        <div key={k} className={changed.includes(k) ? 'is-different' : undefined}>
          <dt>{k}</dt>
          <dd>{showValue(props[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
