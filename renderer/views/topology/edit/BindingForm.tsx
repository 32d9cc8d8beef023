import { useState } from 'react';
import { fromDraft, toDraft } from './argument-draft.js';
import { ArgumentsEditor } from './ArgumentsEditor.js';
import { EditorDialog } from './EditorDialog.js';
import type { BindChange } from './pending-edits.js';

const X_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'] as const;

const KEY_HINT: Record<string, string> = {
  direct: 'Messages whose routing key is exactly this.',
  topic: 'Words separated by dots; * matches one word, # zero or more.',
  fanout: 'A fanout exchange ignores the key: every message goes to every binding.',
};

/** The binding a drag from an exchange to a queue or exchange draws: its routing key, or for a headers exchange the headers to match. */
export function BindingForm({
  vhost,
  source,
  sourceType,
  destination,
  destinationType,
  onSubmit,
  onCancel,
}: {
  vhost: string;
  source: string;
  sourceType: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  onSubmit: (change: BindChange) => void;
  onCancel: () => void;
}) {
  const headers = sourceType === 'headers';
  const [routingKey, setRoutingKey] = useState('');
  const [xMatch, setXMatch] = useState<string>('all');
  const [draft, setDraft] = useState(() => toDraft({}, []));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const { args, errors: argErrors } = fromDraft(draft, []);
    setErrors(argErrors);
    if (Object.keys(argErrors).length > 0) return;
    onSubmit({
      kind: 'bind',
      vhost,
      source,
      destination,
      destinationType,
      routingKey: headers ? '' : routingKey,
      arguments: headers ? { 'x-match': xMatch, ...args } : args,
    });
  };

  return (
    <EditorDialog
      title="New binding"
      subtitle={
        <span className="binding-ends">
          <span className="binding-ends__node">{source}</span>
          <span aria-hidden="true">→</span>
          <span className="binding-ends__node">{destination}</span>
          <span className="binding-ends__what">
            {sourceType} exchange to {destinationType} · vhost <code>{vhost}</code>
          </span>
        </span>
      }
      submitLabel="Add binding"
      onSubmit={submit}
      onCancel={onCancel}
    >
      {headers ? (
        <div className="field">
          <label className="field__label" htmlFor="binding-x-match">
            Match <code className="args__key">x-match</code>
          </label>
          <select id="binding-x-match" className="select editor-dialog__wide-select" value={xMatch} onChange={(e) => setXMatch(e.target.value)}>
            {X_MATCH.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <span className="field__hint">all: every header below must match; any: one is enough. The -with-x forms also compare x- headers.</span>
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor="binding-key">
            Routing key
          </label>
          <input id="binding-key" className="input input--mono" value={routingKey} autoFocus spellCheck={false} onChange={(e) => setRoutingKey(e.target.value)} />
          <span className="field__hint">{KEY_HINT[sourceType] ?? 'The exchange type decides how the key is matched.'}</span>
        </div>
      )}
      <ArgumentsEditor
        specs={[]}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        exchanges={[]}
        extraLabel={headers ? 'Headers to match' : 'Binding arguments'}
      />
    </EditorDialog>
  );
}
