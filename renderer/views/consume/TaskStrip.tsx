import { formatCount } from '../../format/numbers.js';
import type { useTransferTask } from './useTransferTask.js';

/** The running copy, move, load or send-back with its progress and Cancel; afterwards, its outcome. */
export function TaskStrip({ task }: { task: ReturnType<typeof useTransferTask> }) {
  const { running, outcome } = task;
  if (running) {
    const done = running.progress?.done ?? 0;
    const total = Math.max(running.progress?.total ?? running.total, done);
    return (
      <div className="consume-task" role="status" aria-label={`${running.label} progress`}>
        <span>{running.label}…</span>
        <progress max={total || 1} value={done} />
        <span className="num">
          {formatCount(done)}
          {total > 0 ? ` / ${formatCount(total)}` : ''}
        </span>
        <button type="button" className="button button--small" onClick={task.cancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (!outcome) return null;
  return (
    <div className={`consume-task consume-task--outcome${outcome.failed ? ' is-failed' : ''}`} role={outcome.failed ? 'alert' : 'status'}>
      <div className="consume-task__text">
        <span>{outcome.message}</span>
        {outcome.details && outcome.details.length > 0 ? (
          <ul className="consume-task__details">
            {outcome.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="button" className="button button--small button--ghost" aria-label="Dismiss" onClick={() => task.report(null)}>
        ×
      </button>
    </div>
  );
}
