import { useState, type ChangeEvent, type FormEvent } from 'react';
import { type EmbeddedSettings, EmbeddedSettingsChange, isLoopbackAddress } from '../../shared/model/embedded.js';
import { Icon } from '../components/Icon.js';
import { errorMessage } from '../state/consoleStore.js';

type Draft = { amqpPort: string; httpPort: string; bind: string; memoryBudgetMb: string };

const draftOf = (settings: EmbeddedSettings): Draft => ({
  amqpPort: String(settings.amqpPort),
  httpPort: String(settings.httpPort),
  bind: settings.bind,
  memoryBudgetMb: settings.memoryBudgetMb === null ? '' : String(settings.memoryBudgetMb),
});

const numberOrText = (value: string): number | string => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);

/** Ports, bind address and memory budget, checked with the contract's own schema before they are sent. */
export function BrokerSettingsForm({
  settings,
  running,
  onSave,
}: {
  settings: EmbeddedSettings;
  running: boolean;
  onSave: (change: EmbeddedSettingsChange) => Promise<void>;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const initial = draftOf(settings);
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== initial[k]);
  const bindTrimmed = draft.bind.trim();
  const exposed = bindTrimmed !== '' && !isLoopbackAddress(bindTrimmed);

  const set = (key: keyof Draft) => (event: ChangeEvent<HTMLInputElement>) => {
    setDraft({ ...draft, [key]: event.target.value });
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = EmbeddedSettingsChange.safeParse({
      amqpPort: numberOrText(draft.amqpPort),
      httpPort: numberOrText(draft.httpPort),
      bind: draft.bind,
      memoryBudgetMb: draft.memoryBudgetMb.trim() === '' ? null : numberOrText(draft.memoryBudgetMb),
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        next[key] ??= issue.code === 'invalid_type' ? 'Enter a number' : issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    try {
      await onSave(parsed.data);
      setSaved(true);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof Draft, label: string, hint: string, inputMode: 'numeric' | 'text' = 'numeric') => {
    const id = `broker-${key}`;
    const error = errors[key];
    return (
      <div className={`field${error ? ' has-error' : ''}`}>
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <input
          id={id}
          className="input input--mono"
          inputMode={inputMode}
          value={draft[key]}
          onChange={set(key)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${error ? 'error' : 'hint'}`}
          spellCheck={false}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`}>
            {error}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="broker-settings" onSubmit={(event) => void submit(event)} noValidate aria-label="Embedded broker settings">
      <div className="field-row">
        {field('amqpPort', 'AMQP port', 'Taken by another program: a free port is used. 0 = any.')}
        {field('httpPort', 'Management HTTP port', 'Same rule. RabbitMQ uses 15672.')}
      </div>
      <div className="field-row">
        {field('bind', 'Bind address', '127.0.0.1 keeps it on this machine.', 'text')}
        {field('memoryBudgetMb', 'Memory budget (MiB)', "Heap limit of the broker's process. Empty = Node's default.")}
      </div>
      {exposed ? (
        <p className="warning" role="note">
          <Icon name="warning" size={14} />
          <span>
            <strong>{bindTrimmed}</strong> is reachable from other machines. The broker's <code>guest</code> account works from loopback only, but
            anyone on the network can try other credentials. Keep 127.0.0.1 unless you need remote clients.
          </span>
        </p>
      ) : null}
      {failure ? (
        <p className="form-error" role="alert">
          Saving failed: {failure}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : running ? 'Save and restart' : 'Save'}
        </button>
        {dirty ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(initial);
              setErrors({});
            }}
          >
            Discard
          </button>
        ) : null}
        {saved && !dirty ? (
          <span className="form-actions__saved">
            <Icon name="check" size={14} />
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
