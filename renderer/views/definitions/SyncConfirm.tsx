import type { Deletion, PlanStep } from '../../../shared/definitions/plan.js';
import { ENTITY_LABELS } from '../../../shared/definitions/model.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { plural } from './labels.js';

/**
 * Before anything is deleted: every deletion a sync makes, and every queue a
 * recreation empties, with the messages lost, so "yes" is an informed answer.
 */
export function SyncConfirm({ open, deletions, recreations, onConfirm, onCancel }: {
  open: boolean;
  deletions: readonly Deletion[];
  recreations: readonly PlanStep[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const lost = [...deletions, ...recreations].reduce((sum, d) => sum + (d.messages ?? 0), 0);
  return (
    <ConfirmDialog
      open={open}
      title={deletions.length > 0 ? `Delete ${plural(deletions.length, 'object')} from the broker?` : 'Recreate queues that hold messages?'}
      confirmLabel={deletions.length > 0 ? `Delete ${deletions.length} and apply` : 'Recreate and apply'}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {deletions.length > 0 ? <p>The file lacks these, so a sync deletes them:</p> : null}
      <ul className="defs-confirm-list">
        {deletions.map((d) => (
          <li key={`${d.entity}-${d.vhost ?? ''}-${d.name}`}>
            <span className="muted">{ENTITY_LABELS[d.entity][0]}</span> <strong>{d.name}</strong>
            {d.vhost !== null && d.entity !== 'permission' ? <span className="muted"> in {d.vhost}</span> : null}
            {d.messages ? <span className="badge badge--warn">{plural(d.messages, 'message')}</span> : null}
          </li>
        ))}
        {recreations.map((r) => (
          <li key={`recreate-${r.vhost ?? ''}-${r.name}`}>
            <span className="muted">recreate queue</span> <strong>{r.name}</strong>
            {r.vhost !== null ? <span className="muted"> in {r.vhost}</span> : null}
            <span className="badge badge--warn">{plural(r.messages ?? 0, 'message')}</span>
          </li>
        ))}
      </ul>
      {lost > 0 ? <p className="defs-confirm-total">{plural(lost, 'message')} will be lost.</p> : null}
    </ConfirmDialog>
  );
}
