import { Icon } from '../../../components/Icon.js';

/** The editor's palette at the end of the graph's toolbar. */
export function EditorToolbar({
  disabled,
  onNewExchange,
  onNewQueue,
  onNewBinding,
  editLabel,
  onEdit,
  deleteCount,
  onDelete,
}: {
  disabled: boolean;
  onNewExchange: () => void;
  onNewQueue: () => void;
  /** The keyboard's way to bind, besides dragging between handles. */
  onNewBinding: () => void;
  /** "Edit queue orders" when one exchange or queue is selected; null hides the button. */
  editLabel: string | null;
  onEdit: () => void;
  deleteCount: number;
  onDelete: () => void;
}) {
  return (
    <div className="editor-toolbar" role="group" aria-label="Edit topology">
      <button type="button" className="button button--small" onClick={onNewExchange} disabled={disabled}>
        <Icon name="plus" size={14} /> Exchange
      </button>
      <button type="button" className="button button--small" onClick={onNewQueue} disabled={disabled}>
        <Icon name="plus" size={14} /> Queue
      </button>
      <button type="button" className="button button--small" onClick={onNewBinding} disabled={disabled}>
        <Icon name="plus" size={14} /> Binding
      </button>
      {editLabel ? (
        <button type="button" className="button button--small" onClick={onEdit} disabled={disabled} title={editLabel} aria-label={editLabel}>
          Edit…
        </button>
      ) : null}
      {deleteCount > 0 ? (
        <button type="button" className="button button--small button--danger-ghost" onClick={onDelete} disabled={disabled} title="Delete the selection (Delete)">
          <Icon name="trash" size={14} /> Delete{deleteCount > 1 ? ` ${deleteCount}` : ''}
        </button>
      ) : null}
    </div>
  );
}
