import { useState } from 'react';
import type { PublishTemplate } from '../../../shared/model/workbench/publish.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';
import { type PublishForm, templateOf } from '../../workbench/publish-form.js';

/** Saved publish forms: load one, save the form under a name (the same name replaces it), delete. */
export function TemplatesBar({
  form,
  vhost,
  templates,
  onTemplates,
  onLoad,
}: {
  form: PublishForm;
  vhost: string;
  templates: readonly PublishTemplate[];
  onTemplates: (templates: readonly PublishTemplate[]) => void;
  onLoad: (template: PublishTemplate) => void;
}) {
  const client = useClient();
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const selected = templates.find((t) => t.id === chosen) ?? null;

  const save = async (name: string) => {
    const existing = templates.find((t) => t.name === name);
    const template = templateOf(form, vhost, name, existing?.id ?? crypto.randomUUID());
    if ('problem' in template) {
      setNote({ text: template.problem, bad: true });
      return;
    }
    try {
      const result = await client.call('workbench.templateSave', template);
      onTemplates(result.templates);
      setChosen(template.id);
      setNaming(null);
      setNote({ text: existing ? `Template “${name}” replaced.` : `Saved as “${name}”.`, bad: false });
    } catch (error) {
      setNote({ text: `Could not save: ${errorMessage(error)}`, bad: true });
    }
  };
  const remove = async (template: PublishTemplate) => {
    setDeleting(false);
    try {
      const result = await client.call('workbench.templateRemove', { id: template.id });
      onTemplates(result.templates);
      setChosen('');
      setNote({ text: `Template “${template.name}” deleted.`, bad: false });
    } catch (error) {
      setNote({ text: `Could not delete: ${errorMessage(error)}`, bad: true });
    }
  };

  return (
    <div className="templates-bar">
      {naming === null ? (
        <>
          <select className="select" aria-label="Template" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{templates.length === 0 ? 'No saved templates' : 'Templates…'}</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" disabled={!selected} onClick={() => selected && onLoad(selected)}>
            Load
          </button>
          <button type="button" className="button button--small button--danger-ghost" disabled={!selected} onClick={() => setDeleting(true)}>
            Delete
          </button>
          <button type="button" className="button button--small" onClick={() => setNaming(selected?.name ?? '')}>
            Save as…
          </button>
        </>
      ) : (
        <form
          className="templates-bar__name"
          onSubmit={(event) => {
            event.preventDefault();
            if (naming.trim() !== '') void save(naming.trim());
          }}
        >
          <input
            className="input"
            aria-label="Template name"
            placeholder="Template name"
            maxLength={120}
            // The field appears on the user's click: typing goes straight into it.
            autoFocus
            value={naming}
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(null);
            }}
          />
          <button type="submit" className="button button--small button--primary" disabled={naming.trim() === ''}>
            Save
          </button>
          <button type="button" className="button button--small" onClick={() => setNaming(null)}>
            Cancel
          </button>
        </form>
      )}
      {note ? (
        <span className={`templates-bar__note${note.bad ? ' is-bad' : ''}`} role={note.bad ? 'alert' : 'status'}>
          {note.text}
        </span>
      ) : null}
      <ConfirmDialog
        open={deleting && selected !== null}
        title={`Delete template “${selected?.name ?? ''}”?`}
        confirmLabel="Delete template"
        danger
        onConfirm={() => selected && void remove(selected)}
        onCancel={() => setDeleting(false)}
      >
        <p>The saved form is removed for this broker profile. Messages already sent are not affected.</p>
      </ConfirmDialog>
    </div>
  );
}
