import { useState } from 'react';
import { Switch } from '../../../components/Switch.js';
import { fromDraft, toDraft } from './argument-draft.js';
import { ArgumentsEditor } from './ArgumentsEditor.js';
import { EditorDialog } from './EditorDialog.js';
import { type ArgumentSpec, QUEUE_ARGUMENTS } from './known-arguments.js';
import { NameField } from './NameField.js';
import { nameProblem } from './name-problem.js';
import type { QueueDeclare } from './pending-edits.js';
import { RecreateWarning } from './RecreateWarning.js';

/** New queue, or an existing one edited (which the broker can only do by deleting and declaring it again). */
export function QueueForm({
  vhost,
  initial,
  existing,
  messages,
  exchanges,
  embedded,
  onSubmit,
  onCancel,
}: {
  vhost: string;
  /** What the form starts from: a pending or existing declaration; null for a new queue. */
  initial: QueueDeclare | null;
  /** The broker's declaration of this queue, when it has one. */
  existing: QueueDeclare | null;
  messages: number;
  exchanges: readonly string[];
  /** Warren's own broker serves classic queues only. */
  embedded: boolean;
  onSubmit: (change: QueueDeclare) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [durable, setDurable] = useState(initial?.durable ?? true);
  const [autoDelete, setAutoDelete] = useState(initial?.autoDelete ?? false);
  const [draft, setDraft] = useState(() => toDraft(initial?.arguments ?? {}, QUEUE_ARGUMENTS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const choicesFor = (spec: ArgumentSpec) => (embedded && spec.key === 'x-queue-type' ? ['classic'] : (spec.choices ?? []));

  const submit = () => {
    const { args, errors: argErrors } = fromDraft(draft, QUEUE_ARGUMENTS);
    // The broker answers a reserved name with a bare 401, which reads like a credentials problem: say it here.
    const problem = nameProblem(name) ?? (name.startsWith('amq.') && !existing ? 'Names starting with amq. are reserved for the broker' : null);
    const all = { ...argErrors, ...(problem ? { name: problem } : {}) };
    setErrors(all);
    if (Object.keys(all).length === 0) onSubmit({ kind: 'declareQueue', vhost, name, durable, autoDelete, arguments: args });
  };

  return (
    <EditorDialog
      title={existing ? `Edit queue ${existing.name}` : initial ? `Edit new queue ${initial.name}` : 'New queue'}
      subtitle={<>in vhost <code>{vhost}</code></>}
      submitLabel={existing ? 'Add change' : initial ? 'Update queue' : 'Add queue'}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {existing ? <RecreateWarning what="queue" messages={messages} /> : null}
      <NameField id="queue-name" value={name} isNew={initial === null} error={errors.name} onChange={setName} />
      <div className="editor-dialog__switches">
        <Switch label="Durable" checked={durable} onChange={setDurable} />
        <Switch label="Auto-delete" checked={autoDelete} onChange={setAutoDelete} />
      </div>
      <ArgumentsEditor specs={QUEUE_ARGUMENTS} draft={draft} onChange={setDraft} errors={errors} exchanges={exchanges} choicesFor={choicesFor} />
    </EditorDialog>
  );
}
