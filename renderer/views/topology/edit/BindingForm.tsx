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

/** What the form offers to bind when it was opened from the toolbar rather than by a drag. */
export type BindingChoices = { exchanges: readonly { name: string; type: string }[]; queues: readonly string[] };

/**
 * The binding a drag from an exchange to a queue or exchange draws: its
 * routing key, or for a headers exchange the headers to match. Opened from
 * the toolbar it asks for both ends too, so a binding needs no mouse.
 */
export function BindingForm({
  vhost,
  choices,
  onSubmit,
  onCancel,
  ...ends
}: {
  vhost: string;
  source: string;
  sourceType: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  choices?: BindingChoices;
  onSubmit: (change: BindChange) => void;
  onCancel: () => void;
}) {
  const [source, setSource] = useState(ends.source);
  const [target, setTarget] = useState(`${ends.destinationType === 'queue' ? 'q' : 'e'}:${ends.destination}`);
  const destinationType = target.startsWith('q:') ? 'queue' : 'exchange';
  const destination = target.slice(2);
  const sourceType = choices?.exchanges.find((e) => e.name === source)?.type ?? ends.sourceType;
  const headers = sourceType === 'headers';
  const [routingKey, setRoutingKey] = useState('');
  const [xMatch, setXMatch] = useState<string>('all');
  const [draft, setDraft] = useState(() => toDraft({}, []));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = () => {
    const { args, errors: argErrors } = fromDraft(draft, []);
    const all = { ...argErrors, ...(source === '' ? { source: 'Choose an exchange' } : {}), ...(destination === '' ? { destination: 'Choose a queue or exchange' } : {}) };
    setErrors(all);
    if (Object.keys(all).length > 0) return;
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
        choices ? (
          <>in vhost <code>{vhost}</code></>
        ) : (
          <span className="binding-ends">
            <span className="binding-ends__node">{source}</span>
            <span aria-hidden="true">→</span>
            <span className="binding-ends__node">{destination}</span>
            <span className="binding-ends__what">
              {sourceType} exchange to {destinationType} · vhost <code>{vhost}</code>
            </span>
          </span>
        )
      }
      submitLabel="Add binding"
      onSubmit={submit}
      onCancel={onCancel}
    >
      {choices ? (
        <div className="field-row">
          <div className={`field${errors.source ? ' has-error' : ''}`}>
            <label className="field__label" htmlFor="binding-source">
              From exchange
            </label>
            <select id="binding-source" className="select editor-dialog__wide-select" value={source} autoFocus onChange={(e) => setSource(e.target.value)}>
              <option value="">Choose…</option>
              {choices.exchanges.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.name} ({e.type})
                </option>
              ))}
            </select>
            {errors.source ? <span className="field__error">{errors.source}</span> : null}
          </div>
          <div className={`field${errors.destination ? ' has-error' : ''}`}>
            <label className="field__label" htmlFor="binding-destination">
              To
            </label>
            <select id="binding-destination" className="select editor-dialog__wide-select" value={destination === '' ? '' : target} onChange={(e) => setTarget(e.target.value || 'q:')}>
              <option value="">Choose…</option>
              <optgroup label="Queues">
                {choices.queues.map((q) => (
                  <option key={q} value={`q:${q}`}>
                    {q}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Exchanges">
                {choices.exchanges.map((e) => (
                  <option key={e.name} value={`e:${e.name}`}>
                    {e.name}
                  </option>
                ))}
              </optgroup>
            </select>
            {errors.destination ? <span className="field__error">{errors.destination}</span> : null}
          </div>
        </div>
      ) : null}
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
          <input id="binding-key" className="input input--mono" value={routingKey} autoFocus={!choices} spellCheck={false} onChange={(e) => setRoutingKey(e.target.value)} />
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
