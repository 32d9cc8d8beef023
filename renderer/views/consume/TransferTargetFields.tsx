import { useId, useMemo } from 'react';
import type { TransferTarget } from '../../../shared/model/workbench/surgery.js';
import { useConsole } from '../../state/StoreProvider.js';
import { Choice } from '../../workbench/body-view-choice.js';

export type TargetDraft = { kind: 'queue' | 'exchange'; name: string; routingKey: string };

export const EMPTY_TARGET: TargetDraft = { kind: 'queue', name: '', routingKey: '' };

/** The contract's target; an exchange without a routing key keeps each message's own. */
export function targetOf(draft: TargetDraft): TransferTarget {
  if (draft.kind === 'queue') return { kind: 'queue', queue: draft.name };
  return draft.routingKey === '' ? { kind: 'exchange', exchange: draft.name } : { kind: 'exchange', exchange: draft.name, routingKey: draft.routingKey };
}

export const describeTarget = (draft: TargetDraft): string =>
  draft.kind === 'queue' ? `queue “${draft.name}”` : `exchange “${draft.name === '' ? '(default)' : draft.name}”${draft.routingKey === '' ? '' : ` with key “${draft.routingKey}”`}`;

/** A queue or an exchange of the vhost (suggested from the inventory, any name accepted: the broker says if it is missing). */
export function TransferTargetFields({ vhost, value, onChange }: { vhost: string; value: TargetDraft; onChange: (value: TargetDraft) => void }) {
  const queues = useConsole((s) => s.inventory.queues);
  const exchanges = useConsole((s) => s.inventory.exchanges);
  const listId = useId();
  const names = useMemo(
    () => (value.kind === 'queue' ? queues.filter((q) => q.vhost === vhost) : exchanges.filter((x) => x.vhost === vhost && x.name !== '')).map((r) => r.name).sort((a, b) => a.localeCompare(b)),
    [value.kind, queues, exchanges, vhost],
  );
  return (
    <div className="consume-target">
      <Choice
        label="Target kind"
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        options={[
          { value: 'queue', label: 'Queue' },
          { value: 'exchange', label: 'Exchange' },
        ]}
      />
      <label className="consume-form__field">
        <span className="consume-form__label">{value.kind === 'queue' ? 'Target queue' : 'Target exchange'}</span>
        <input className="input" list={listId} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} spellCheck={false} />
        <datalist id={listId}>
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      {value.kind === 'exchange' ? (
        <label className="consume-form__field">
          <span className="consume-form__label">Routing key</span>
          <input className="input input--mono" value={value.routingKey} placeholder="Each message's own" onChange={(e) => onChange({ ...value, routingKey: e.target.value })} spellCheck={false} />
        </label>
      ) : null}
    </div>
  );
}
