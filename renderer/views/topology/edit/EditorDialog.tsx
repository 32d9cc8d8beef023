import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * The modal the palette's forms open in: the native <dialog> traps focus,
 * Escape cancels, Enter in a field submits.
 */
export function EditorDialog({
  title,
  subtitle,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className="dialog editor-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form className="editor-dialog__form" onSubmit={submit} noValidate>
        <header className="editor-dialog__head">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {subtitle ? <div className="editor-dialog__subtitle">{subtitle}</div> : null}
        </header>
        <div className="editor-dialog__body">{children}</div>
        <div className="dialog__actions editor-dialog__actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
