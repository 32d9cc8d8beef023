import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { Icon } from '../../../components/Icon.js';
import { diffRows, messagesDestroyed, type DiffRow } from './pending-diff.js';
import type { Edit } from './pending-edits.js';
import type { ApplyRun, EditOutcome } from './useApplyRun.js';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const STATUS_TEXT: Record<EditOutcome['status'], string> = {
  applied: 'Applied',
  failed: 'Refused',
  'not-attempted': 'Not attempted',
  'rolled-back': 'Rolled back',
};

/**
 * The pending change set beside the graph: what will be added, removed and
 * changed, what it destroys, and the Apply run with each line's outcome.
 */
export function PendingPanel({
  edits,
  canUndo,
  canRedo,
  run,
  onUndo,
  onRedo,
  onDrop,
  onDiscard,
  onApply,
  onDismissResult,
}: {
  edits: readonly Edit[];
  canUndo: boolean;
  canRedo: boolean;
  run: ApplyRun;
  onUndo: () => void;
  onRedo: () => void;
  onDrop: (key: string) => void;
  onDiscard: () => void;
  onApply: (rollbackOnFailure: boolean) => void;
  onDismissResult: () => void;
}) {
  const [rollback, setRollback] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rows = diffRows(edits);
  const destroyed = messagesDestroyed(edits);
  const running = run.phase === 'running';
  const destructive = destroyed > 0;
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const r of rows) counts[r.badge]++;

  const startApply = () => (destructive ? setConfirming(true) : onApply(rollback));

  return (
    <section className="pending" aria-label="Pending changes">
      <header className="pending__head">
        <h2 className="pending__title">
          Pending changes <span className="pending__count">{rows.length}</span>
        </h2>
        <div className="pending__history">
          <button type="button" className="button button--ghost button--small" onClick={onUndo} disabled={!canUndo || running} aria-label="Undo" title={`Undo (${MOD}Z)`}>
            <Icon name="undo" size={14} />
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onRedo} disabled={!canRedo || running} aria-label="Redo" title={`Redo (Shift+${MOD}Z)`}>
            <Icon name="redo" size={14} />
          </button>
        </div>
      </header>

      {rows.length > 0 ? (
        <p className="pending__summary">
          {counts.added > 0 ? <span className="diff-badge diff-badge--added">+{counts.added} added</span> : null}
          {counts.removed > 0 ? <span className="diff-badge diff-badge--removed">−{counts.removed} removed</span> : null}
          {counts.changed > 0 ? <span className="diff-badge diff-badge--changed">~{counts.changed} changed</span> : null}
        </p>
      ) : run.phase !== 'finished' ? (
        <p className="pending__empty">
          Nothing pending. Add an exchange or a queue from the toolbar, drag from an exchange's handle to a queue or exchange to bind them, or select something and press Delete.
        </p>
      ) : null}

      <ol className="pending__list">
        {rows.map((row) => (
          <PendingRow key={row.key} row={row} outcome={run.phase === 'finished' ? run.outcomes.get(row.key) : undefined} busy={running} onDrop={() => onDrop(row.key)} />
        ))}
      </ol>

      {run.phase === 'running' ? <ApplyProgressBar run={run} /> : null}
      {run.phase === 'finished' ? <ApplyResultSummary run={run} onDismiss={onDismissResult} /> : null}

      {rows.length > 0 ? (
        <footer className="pending__foot">
          <label className="pending__rollback">
            <input type="checkbox" checked={rollback} disabled={running} onChange={(e) => setRollback(e.target.checked)} />
            Roll back what was created if a change is refused
          </label>
          <div className="pending__actions">
            <button type="button" className="button" onClick={onDiscard} disabled={running}>
              Discard
            </button>
            <button type="button" className={`button ${destructive ? 'button--danger' : 'button--primary'}`} onClick={startApply} disabled={running}>
              {running ? 'Applying…' : `Apply ${rows.length} change${rows.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </footer>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title="Apply destructive changes?"
        confirmLabel="Apply"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onApply(rollback);
        }}
      >
        {destroyed > 0 ? (
          <p>
            This deletes <strong>{destroyed.toLocaleString()} message{destroyed === 1 ? '' : 's'}</strong> for good.
          </p>
        ) : null}
        <ul className="pending__confirm-list">
          {rows.filter((r) => r.destroys).map((r) => (
            <li key={r.key}>
              {r.what} <strong>{r.title}</strong>: {r.destroys?.toLowerCase()}
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

function PendingRow({ row, outcome, busy, onDrop }: { row: DiffRow; outcome: EditOutcome | undefined; busy: boolean; onDrop: () => void }) {
  return (
    <li className={`pending-row pending-row--${row.badge}${outcome ? ` is-${outcome.status}` : ''}`}>
      <div className="pending-row__main">
        <div className="pending-row__title">
          <span className={`diff-badge diff-badge--${row.badge}`}>{row.badge}</span>
          <span className="pending-row__what">{row.what}</span> <span className="pending-row__name">{row.title}</span>
        </div>
        {row.details.length > 0 ? (
          <ul className="pending-row__details">
            {row.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
        {row.destroys ? (
          <p className="pending-row__destroys">
            <Icon name="warning" size={12} /> {row.destroys}
          </p>
        ) : null}
        {row.warning ? <p className="pending-row__warning">{row.warning}</p> : null}
        {outcome ? (
          <p className={`pending-row__outcome pending-row__outcome--${outcome.status}`} role={outcome.status === 'failed' ? 'alert' : undefined}>
            <strong>{STATUS_TEXT[outcome.status]}</strong>
            {outcome.error ? `: ${outcome.error}` : null}
          </p>
        ) : null}
      </div>
      <button type="button" className="button button--ghost button--small pending-row__drop" onClick={onDrop} disabled={busy} aria-label={`Drop ${row.badge} ${row.what.toLowerCase()} ${row.title}`} title="Take out of the pending set">
        <Icon name="cross" size={12} />
      </button>
    </li>
  );
}

function ApplyProgressBar({ run }: { run: Extract<ApplyRun, { phase: 'running' }> }) {
  const done = run.progress?.done ?? 0;
  const total = run.progress?.total ?? run.total;
  const label = run.progress?.phase === 'rolling-back' ? 'Rolling back' : 'Applying';
  return (
    <div className="apply-progress">
      <div className="apply-progress__label">
        {label}… {done} of {total}
      </div>
      <div className="apply-progress__track" role="progressbar" aria-label={`${label} changes`} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <div className="apply-progress__bar" style={{ width: `${total === 0 ? 0 : (100 * done) / total}%` }} />
      </div>
    </div>
  );
}

function ApplyResultSummary({ run, onDismiss }: { run: Extract<ApplyRun, { phase: 'finished' }>; onDismiss: () => void }) {
  return (
    <div className={`apply-result${run.ok ? ' apply-result--ok' : ' apply-result--failed'}`} role="status">
      <div className="apply-result__head">
        <Icon name={run.ok ? 'check' : 'warning'} size={14} />
        <strong>{run.ok ? 'All changes applied' : run.error ? 'Apply failed' : 'Stopped at a refused change'}</strong>
        <button type="button" className="button button--ghost button--small apply-result__dismiss" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="cross" size={12} />
        </button>
      </div>
      {run.error ? <p className="apply-result__error">{run.error}</p> : null}
      {run.applied.length > 0 ? (
        <div className="apply-result__applied">
          <span>Applied:</span>
          <ul>
            {run.applied.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ) : !run.ok && !run.error ? (
        <p className="apply-result__none">Nothing was applied.</p>
      ) : null}
    </div>
  );
}
