import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { BrowseMode } from '../../../shared/model/workbench/browse.js';
import { formatCount } from '../../format/numbers.js';
import { formatClock } from '../../format/time.js';
import { queueHref } from '../../navigation/routes.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { Choice } from '../../workbench/body-view-choice.js';
import type { BrowseInfo, ConsumeStore } from './consume-store.js';
import { MessageWorkspace } from './MessageWorkspace.js';

const MODE_TEXT: Record<BrowseMode, string> = {
  requeue:
    'Reads with basic.get and puts every message back: each comes back marked redelivered, and with other consumers on the queue the order may change and some may be delivered to them meanwhile.',
  peek: 'Reads without any side effect: nothing is delivered, redelivered or reordered (a capability of Warren’s embedded broker).',
};

export type BrowseRequest = { vhost: string; queue: string };

/** The form that reads a queue's first N messages; `onRead` gets the browse's id once it has its list. */
export function BrowseForm({ store, initial, browseId, onRead }: { store: ConsumeStore; initial: BrowseRequest; browseId?: string; onRead: (browseId: string) => void }) {
  const client = useClient();
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const queues = useConsole((s) => s.inventory.queues);
  const [vhost, setVhost] = useState(initial.vhost);
  const [queue, setQueue] = useState(initial.queue);
  const [count, setCount] = useState('100');
  const [peek, setPeek] = useState<boolean | null>(null);
  const [mode, setMode] = useState<BrowseMode>('requeue');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const names = useMemo(() => queues.filter((q) => q.vhost === vhost).map((q) => q.name).sort((a, b) => a.localeCompare(b)), [queues, vhost]);

  useEffect(() => {
    let alive = true;
    client
      .call('workbench.browseCapabilities', {})
      .then((caps) => {
        if (!alive) return;
        setPeek(caps.peek);
        // Without side effects is the better default wherever the broker offers it.
        if (caps.peek) setMode('peek');
      })
      .catch(() => alive && setPeek(false));
    return () => {
      alive = false;
    };
  }, [client]);

  const n = Number(count);
  const valid = queue !== '' && Number.isInteger(n) && n >= 1 && n <= 10_000;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    setError(null);
    const id = browseId ?? crypto.randomUUID();
    try {
      await store.browse({ browseId: id, vhost, queue, count: n, mode });
      onRead(id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="consume-form" aria-label="Browse a queue" onSubmit={(e) => void submit(e)}>
      <div className="consume-form__grid">
        <label className="consume-form__field">
          <span className="consume-form__label">Vhost</span>
          <select className="select" value={vhost} onChange={(e) => setVhost(e.target.value)}>
            {(vhosts.length > 0 ? vhosts.map((v) => v.name) : [vhost]).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="consume-form__field">
          <span className="consume-form__label">Queue</span>
          <input className="input" list={listId} value={queue} onChange={(e) => setQueue(e.target.value)} placeholder="Queue name" spellCheck={false} />
          <datalist id={listId}>
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label className="consume-form__field">
          <span className="consume-form__label">Messages</span>
          <input className="input num" inputMode="numeric" aria-label="Number of messages" value={count} onChange={(e) => setCount(e.target.value)} />
          <span className="consume-form__hint">The first N, at most 10,000</span>
        </label>
        <div className="consume-form__field">
          <span className="consume-form__label">Mode</span>
          <Choice
            label="Browse mode"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'peek', label: 'Peek', unavailable: peek === true ? null : peek === false ? 'This broker cannot peek: only Warren’s embedded broker reads without side effects' : 'Asking the broker…' },
              { value: 'requeue', label: 'Get and requeue' },
            ]}
          />
        </div>
      </div>
      <p className={`consume-form__explain${mode === 'requeue' ? ' consume-form__explain--warn' : ''}`}>{MODE_TEXT[mode]}</p>
      <div className="consume-form__actions">
        <button type="submit" className="button button--primary" disabled={!valid || busy}>
          {busy ? 'Reading…' : browseId ? 'Read again' : 'Read messages'}
        </button>
      </div>
      {error ? (
        <p className="consume-form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** A browse's result: what reading did, and the messages in the same list and detail as a consumer's. */
export function BrowsePanel({ browseId, info, store }: { browseId: string; info: BrowseInfo; store: ConsumeStore }) {
  const log = store.logFor(browseId);
  return (
    <section className="consume-panel" aria-label={`Browse of ${info.queue}`}>
      <header className="consume-panel__head">
        <span className={`badge ${info.mode === 'peek' ? 'badge--arg' : 'badge--warn'}`}>{info.mode === 'peek' ? 'peek' : 'get and requeue'}</span>
        <span className="consume-panel__what">
          Queue <a href={queueHref(info.vhost, info.queue)}>{info.queue}</a>
          <span className="muted">
            {' '}
            · vhost {info.vhost} · read at {formatClock(info.readAt)}
            {info.queueDepth !== null ? ` · ${formatCount(info.queueDepth)} ready then` : ''}
          </span>
        </span>
        <button type="button" className="button button--small consume-panel__close" onClick={() => store.forget({ kind: 'browse', id: browseId })}>
          Close
        </button>
      </header>
      <p className={`consume-panel__effects${info.mode === 'requeue' ? ' is-warn' : ''}`} role="note" aria-label="Side effects">
        {info.sideEffects}
      </p>
      <details className="consume-panel__again">
        <summary>Read again…</summary>
        <BrowseForm store={store} initial={{ vhost: info.vhost, queue: info.queue }} browseId={browseId} onRead={() => undefined} />
      </details>
      <MessageWorkspace
        key={browseId}
        holderId={browseId}
        vhost={info.vhost}
        log={log}
        store={store}
        settleable={false}
        deadLetter={null}
        label={`Messages of ${info.queue}`}
        empty="The queue had no ready messages."
      />
    </section>
  );
}
