import { useState } from 'react';
import { Switch } from '../../../components/Switch.js';
import { fromDraft, toDraft } from './argument-draft.js';
import { ArgumentsEditor } from './ArgumentsEditor.js';
import { EditorDialog } from './EditorDialog.js';
import { EXCHANGE_ARGUMENTS } from './known-arguments.js';
import { NameField } from './NameField.js';
import { nameProblem } from './name-problem.js';
import type { ExchangeDeclare } from './pending-edits.js';
import { RecreateWarning } from './RecreateWarning.js';

const STANDARD_TYPES = ['direct', 'fanout', 'topic', 'headers'];

export function ExchangeForm({
  vhost,
  initial,
  existing,
  exchanges,
  types,
  onSubmit,
  onCancel,
}: {
  vhost: string;
  initial: ExchangeDeclare | null;
  existing: ExchangeDeclare | null;
  exchanges: readonly string[];
  /** Types the broker has exchanges of (a plugin's, e.g. x-delayed-message), offered after the standard four. */
  types: readonly string[];
  onSubmit: (change: ExchangeDeclare) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [type, setType] = useState(initial?.type ?? 'direct');
  const [durable, setDurable] = useState(initial?.durable ?? true);
  const [autoDelete, setAutoDelete] = useState(initial?.autoDelete ?? false);
  const [internal, setInternal] = useState(initial?.internal ?? false);
  const [draft, setDraft] = useState(() => toDraft(initial?.arguments ?? {}, EXCHANGE_ARGUMENTS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const allTypes = [...new Set([...STANDARD_TYPES, ...types, type])];

  const submit = () => {
    const { args, errors: argErrors } = fromDraft(draft, EXCHANGE_ARGUMENTS);
    const problem = nameProblem(name) ?? (name.startsWith('amq.') && !existing ? 'Names starting with amq. are reserved for the broker' : null);
    const all = { ...argErrors, ...(problem ? { name: problem } : {}) };
    setErrors(all);
    if (Object.keys(all).length === 0) onSubmit({ kind: 'declareExchange', vhost, name, type, durable, autoDelete, internal, arguments: args });
  };

  return (
    <EditorDialog
      title={existing ? `Edit exchange ${existing.name}` : initial ? `Edit new exchange ${initial.name}` : 'New exchange'}
      subtitle={<>in vhost <code>{vhost}</code></>}
      submitLabel={existing ? 'Add change' : initial ? 'Update exchange' : 'Add exchange'}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {existing ? <RecreateWarning what="exchange" /> : null}
      <div className="field-row">
        <NameField id="exchange-name" value={name} isNew={initial === null} error={errors.name} onChange={setName} />
        <div className="field">
          <label className="field__label" htmlFor="exchange-type">
            Type
          </label>
          <select id="exchange-type" className="select editor-dialog__wide-select" value={type} onChange={(e) => setType(e.target.value)}>
            {allTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="editor-dialog__switches">
        <Switch label="Durable" checked={durable} onChange={setDurable} />
        <Switch label="Auto-delete" checked={autoDelete} onChange={setAutoDelete} />
        <Switch label="Internal" checked={internal} onChange={setInternal} />
      </div>
      <ArgumentsEditor specs={EXCHANGE_ARGUMENTS} draft={draft} onChange={setDraft} errors={errors} exchanges={exchanges} />
    </EditorDialog>
  );
}
