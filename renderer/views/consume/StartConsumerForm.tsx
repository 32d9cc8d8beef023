import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { ConsumeStartInput } from '../../../shared/model/workbench/consume.js';
import { Switch } from '../../components/Switch.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useConsole } from '../../state/StoreProvider.js';
import { Choice } from '../../workbench/body-view-choice.js';
import { parseArguments } from '../../workbench/message-arguments.js';

type Source = 'queue' | 'tap';

export type StartConsumerFormProps = {
  start: (args: ConsumeStartInput) => Promise<unknown>;
  /** Prefills the queue (a consumer opened from a queue's page). */
  initialQueue?: string;
};

/** A labelled control; the hint is its description, not part of its name. */
function Field({ label, children, hint }: { label: string; children: (id: string, describedBy: string | undefined) => ReactNode; hint?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="consume-form__field">
      <label className="consume-form__label" htmlFor={id}>
        {label}
      </label>
      {children(id, hint ? hintId : undefined)}
      {hint ? (
        <span className="consume-form__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * Starts a consumer on a queue of the vhost, or taps an exchange through a
 * temporary exclusive auto-delete queue bound with a chosen key (the queue's
 * consumers are not disturbed). The broker's refusal is shown as it said it.
 */
export function StartConsumerForm({ start, initialQueue = '' }: StartConsumerFormProps) {
  const selectedVhost = useConsole((s) => s.vhost);
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const queues = useConsole((s) => s.inventory.queues);
  const exchanges = useConsole((s) => s.inventory.exchanges);
  const [vhost, setVhost] = useState(selectedVhost ?? vhosts[0]?.name ?? '/');
  const [source, setSource] = useState<Source>('queue');
  const [queue, setQueue] = useState(initialQueue);
  const [exchange, setExchange] = useState('');
  const [bindingKey, setBindingKey] = useState('#');
  const [ackMode, setAckMode] = useState<'auto' | 'manual'>('manual');
  const [prefetch, setPrefetch] = useState('100');
  const [exclusive, setExclusive] = useState(false);
  const [priority, setPriority] = useState('');
  const [keep, setKeep] = useState('10000');
  const [argumentsText, setArgumentsText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { queues: useId(), exchanges: useId() };

  const queueNames = useMemo(() => queues.filter((q) => q.vhost === vhost).map((q) => q.name).sort((a, b) => a.localeCompare(b)), [queues, vhost]);
  const exchangeNames = useMemo(
    () => exchanges.filter((x) => x.vhost === vhost && x.name !== '').map((x) => x.name).sort((a, b) => a.localeCompare(b)),
    [exchanges, vhost],
  );
  const args = parseArguments(argumentsText);
  const prefetchValue = Number(prefetch);
  const keepValue = Number(keep);
  const priorityValue = priority.trim() === '' ? undefined : Number(priority);
  const problems = [
    source === 'queue' && queue === '' ? 'Choose a queue.' : null,
    source === 'tap' && exchange === '' ? 'Choose an exchange to tap.' : null,
    !Number.isInteger(prefetchValue) || prefetchValue < 0 || prefetchValue > 65_535 ? 'Prefetch is a whole number from 0 (no limit) to 65,535.' : null,
    !Number.isInteger(keepValue) || keepValue < 100 || keepValue > 100_000 ? 'Keep between 100 and 100,000 messages.' : null,
    priorityValue !== undefined && !Number.isInteger(priorityValue) ? 'Priority is a whole number.' : null,
    args.ok ? null : args.error,
  ].filter((p): p is string => p !== null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (problems.length > 0 || !args.ok) return;
    setBusy(true);
    setError(null);
    try {
      await start({
        consumerId: crypto.randomUUID(),
        vhost,
        source: source === 'queue' ? { kind: 'queue', queue } : { kind: 'tap', exchange, bindingKey },
        ackMode,
        prefetch: prefetchValue,
        exclusive: source === 'queue' && exclusive,
        ...(priorityValue === undefined ? {} : { priority: priorityValue }),
        arguments: args.table,
        keep: keepValue,
      });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="consume-form" aria-label="Start a consumer" onSubmit={(e) => void submit(e)}>
      <div className="consume-form__row">
        <Choice
          label="Consume from"
          value={source}
          onChange={setSource}
          options={[
            { value: 'queue', label: 'A queue' },
            { value: 'tap', label: 'Tap an exchange' },
          ]}
        />
        <span className="consume-form__explain">
          {source === 'queue'
            ? 'Consumes from the queue like any other consumer: it takes messages away from the others.'
            : 'Binds a temporary exclusive, auto-delete queue to the exchange: copies of what it routes, without disturbing anyone.'}
        </span>
      </div>
      <div className="consume-form__grid">
        <Field label="Vhost">
          {(id, describedBy) => (
            <select id={id} aria-describedby={describedBy} className="select" value={vhost} onChange={(e) => setVhost(e.target.value)}>
              {(vhosts.length > 0 ? vhosts.map((v) => v.name) : [vhost]).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {source === 'queue' ? (
          <Field label="Queue">
            {(id) => (
              <>
                <input id={id} className="input" list={ids.queues} value={queue} onChange={(e) => setQueue(e.target.value)} placeholder="Queue name" spellCheck={false} />
                <datalist id={ids.queues}>
                  {queueNames.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        ) : (
          <>
            <Field label="Exchange">
              {(id) => (
                <>
                  <input id={id} className="input" list={ids.exchanges} value={exchange} onChange={(e) => setExchange(e.target.value)} placeholder="Exchange name" spellCheck={false} />
                  <datalist id={ids.exchanges}>
                    {exchangeNames.map((name) => (
                      <option key={name} value={name} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field label="Binding key" hint="# takes everything a topic exchange routes">
              {(id, describedBy) => (
                <input id={id} aria-describedby={describedBy} className="input input--mono" value={bindingKey} onChange={(e) => setBindingKey(e.target.value)} spellCheck={false} />
              )}
            </Field>
          </>
        )}
        <Field label="Ack mode" hint={ackMode === 'manual' ? 'Messages wait for your ack, nack or reject' : 'The broker forgets each message once delivered'}>
          {(id, describedBy) => (
            <select id={id} aria-describedby={describedBy} className="select" value={ackMode} onChange={(e) => setAckMode(e.target.value as 'auto' | 'manual')}>
              <option value="manual">Manual</option>
              <option value="auto">Auto</option>
            </select>
          )}
        </Field>
        <Field label="Prefetch" hint="0 is no limit">
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input num" inputMode="numeric" value={prefetch} onChange={(e) => setPrefetch(e.target.value)} />}
        </Field>
        <Field label="Priority" hint="x-priority; empty for none">
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input num" inputMode="numeric" value={priority} onChange={(e) => setPriority(e.target.value)} />}
        </Field>
        <Field label="Keep" hint="Older messages are dropped from the list">
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} className="input num" inputMode="numeric" value={keep} onChange={(e) => setKeep(e.target.value)} />}
        </Field>
        <Field label="Arguments" hint='JSON object, e.g. {"x-stream-offset": "first"}'>
          {(id, describedBy) => (
            <input id={id} aria-describedby={describedBy} className="input input--mono" value={argumentsText} onChange={(e) => setArgumentsText(e.target.value)} placeholder="{}" spellCheck={false} />
          )}
        </Field>
        {source === 'queue' ? (
          <div className="consume-form__switch">
            <Switch checked={exclusive} onChange={setExclusive} label="Exclusive (no other consumer may read the queue)" />
          </div>
        ) : null}
      </div>
      <div className="consume-form__actions">
        <button type="submit" className="button button--primary" disabled={busy || problems.length > 0}>
          {busy ? 'Starting…' : source === 'queue' ? 'Start consumer' : 'Start tap'}
        </button>
        {problems.length > 0 && !busy ? <span className="consume-form__problem">{problems[0]}</span> : null}
      </div>
      {error ? (
        <p className="consume-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
