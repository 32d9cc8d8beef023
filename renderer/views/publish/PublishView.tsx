import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { VhostRow } from '../../../shared/model/inventory.js';
import type { PublishTemplate, SentMessage } from '../../../shared/model/workbench/publish.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useConsole, useStore } from '../../state/StoreProvider.js';
import { useRemembered } from '../../state/useRemembered.js';
import { BodyEditor } from '../../workbench/body-editor.js';
import { HeadersEditor } from '../../workbench/headers-editor.js';
import { wireToBytes } from '../../workbench/message-bytes.js';
import { takePublishDraft } from '../../workbench/publish-draft.js';
import { bodyBytes, checkForm, emptyForm, formFromDraft, formFromSaved, type PublishForm } from '../../workbench/publish-form.js';
import { routePreview } from '../../workbench/publish-route-reason.js';
import { templateHint } from '../../workbench/publish-template-hint.js';
import { countNodes, plainHeaders } from '../../workbench/typed-value.js';
import { requestRouteExplanation } from '../topology/route/route-request.js';
import { useTopologySnapshot } from '../topology/useTopologySnapshot.js';
import { DestinationFields } from './DestinationFields.js';
import { PropertiesFields } from './PropertiesFields.js';
import { RpcOutcome, RpcSettings, timeoutProblemOf, useRpcCall } from './RpcPanel.js';
import { RunCard } from './RunCard.js';
import { RunSettings } from './RunSettings.js';
import { SentHistory } from './SentHistory.js';
import { TemplatesBar } from './TemplatesBar.js';
import { useRunLog } from './useRunLog.js';
import { useSavedLists } from './useSavedLists.js';
import './publish.css';

type Tab = 'publish' | 'rpc';

/** With "All vhosts" chosen, publishing still needs one: "/" when the broker has it, else the first by name (as the Topology view). */
function vhostOf(selected: string | null, vhosts: readonly VhostRow[]): string | null {
  if (selected !== null) return selected;
  if (vhosts.some((v) => v.name === '/')) return '/';
  return [...vhosts].map((v) => v.name).sort((a, b) => a.localeCompare(b))[0] ?? null;
}

const FIELD_LABEL: Record<string, string> = {
  body: 'Body',
  headers: 'Headers',
  routingKey: 'Routing key',
  priority: 'Priority',
  expiration: 'Expiration',
  timestamp: 'Timestamp',
  'repeat.count': 'Count',
  'repeat.perSecond': 'Rate',
  'repeat.durationSeconds': 'Duration',
};

function Panel({ title, aside, children, className = '' }: { title: string; aside?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`panel publish-panel ${className}`} aria-label={title}>
      <h2 className="panel__title publish-panel__title">
        {title}
        {aside ? <span className="publish-panel__aside">{aside}</span> : null}
      </h2>
      <div className="publish-panel__body">{children}</div>
    </section>
  );
}

/**
 * The Publish view: a message form (destination, properties, typed headers,
 * body) sent once, N times or at a rate with confirms and mandatory, the
 * broker's outcome per publish with the route explainer's reason for a
 * return; or, on the RPC tab, the same form sent as a request whose reply
 * is awaited. Saved templates and the sent history sit beside it.
 */
export function PublishView() {
  const store = useStore();
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const selected = useConsole((s) => s.vhost);
  const vhost = vhostOf(selected, vhosts);
  const [form, setForm] = useRemembered<PublishForm>('publish.form', emptyForm());
  const [tab, setTab] = useRemembered<Tab>('publish.tab', 'publish');
  const [rpc, setRpc] = useRemembered<{ replyMode: 'direct' | 'temporary'; timeoutText: string }>('publish.rpcSettings', { replyMode: 'direct', timeoutText: '5000' });
  const { snapshot } = useTopologySnapshot(vhost ?? '/');
  const snapshotRef = useRef(snapshot);
  snapshotRef.current = snapshot;
  const { log, runs } = useRunLog();
  const lists = useSavedLists();
  const rpcCall = useRpcCall(vhost ?? '/', snapshot);

  // A message handed over by another view (a queue's Publish button, edit and republish) fills the form once.
  useEffect(() => {
    const draft = takePublishDraft();
    if (!draft) return;
    setForm(formFromDraft(draft));
    setTab('publish');
    // Only another vhost than the one publishing goes to changes the shared vhost choice.
    if (draft.vhost !== vhost) store.dispatch({ type: 'vhost/selected', vhost: draft.vhost });
  }, [setForm, setTab, store, vhost]);

  const checked = useMemo(() => checkForm(form), [form]);
  const size = useMemo(() => bodyBytes(form.body).length, [form.body]);
  const hint = useMemo(() => templateHint(form, checked.message.headers), [form, checked.message.headers]);
  const preview = useMemo(
    () => (snapshot && snapshot.vhost === vhost ? routePreview(snapshot, { exchange: form.exchange, routingKey: form.routingKey, headers: checked.message.headers }) : null),
    [snapshot, vhost, form.exchange, form.routingKey, checked.message.headers],
  );

  if (vhost === null) return <EmptyState title="No vhost to publish to">The broker reports no virtual host this user can see.</EmptyState>;

  const patch = (change: Partial<PublishForm>) => setForm({ ...form, ...change });
  const isRpc = tab === 'rpc';
  const timeoutProblem = timeoutProblemOf(rpc.timeoutText);
  const problems = Object.entries(checked.problems).filter(([field]) => !(isRpc && field.startsWith('repeat.')));
  const blockedBy = problems[0] ? `${FIELD_LABEL[problems[0][0]] ?? problems[0][0]}: ${problems[0][1]}` : isRpc && timeoutProblem ? `Timeout: ${timeoutProblem}` : null;
  const busy = isRpc ? rpcCall.calling !== null : false;

  const send = () => {
    if (blockedBy !== null || busy) return;
    if (isRpc) {
      void rpcCall.call(checked, bodyBytes(form.body), rpc.replyMode, Number(rpc.timeoutText));
      return;
    }
    void log
      .start({ vhost, message: checked.message, repeat: checked.repeat, body: bodyBytes(form.body), snapshot: () => (snapshotRef.current?.vhost === vhost ? snapshotRef.current : null) })
      .then(lists.reloadSent);
  };
  const resend = (sent: SentMessage) => {
    const { body, vhost: sentVhost, ...message } = sent.message;
    void log
      .start({ vhost: sentVhost, message, repeat: sent.repeat, body: wireToBytes(body), snapshot: () => (snapshotRef.current?.vhost === sentVhost ? snapshotRef.current : null) })
      .then(lists.reloadSent);
  };
  const load = (saved: PublishTemplate | SentMessage) => {
    setForm(formFromSaved(saved));
    if (saved.message.vhost !== vhost) store.dispatch({ type: 'vhost/selected', vhost: saved.message.vhost });
  };
  const explain = () => requestRouteExplanation({ exchange: form.exchange, routingKey: form.routingKey, headers: plainHeaders(checked.message.headers) });

  return (
    <div
      className="publish"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          send();
        }
      }}
    >
      <header className="publish__head">
        <div
          className="publish__tabs"
          role="tablist"
          aria-label="Mode"
          onKeyDown={(event) => {
            if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
            event.preventDefault();
            const next = tab === 'publish' ? 'rpc' : 'publish';
            setTab(next);
            document.getElementById(`publish-tab-${next}`)?.focus();
          }}
        >
          {(
            [
              ['publish', 'Publish'],
              ['rpc', 'RPC call'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`publish-tab-${id}`}
              aria-selected={tab === id}
              // One stop in the tab order; the arrow keys move between the two.
              tabIndex={tab === id ? 0 : -1}
              aria-controls="publish-tabpanel"
              className={`publish__tab${tab === id ? ' is-active' : ''}`}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <TemplatesBar form={form} vhost={vhost} templates={lists.templates} onTemplates={lists.setTemplates} onLoad={load} />
      </header>
      <div className="publish__grid" id="publish-tabpanel" role="tabpanel" aria-labelledby={`publish-tab-${tab}`}>
        <div className="publish__form">
          <Panel title="Destination" aside={`vhost ${vhost}`}>
            <DestinationFields vhost={vhost} snapshot={snapshot} exchange={form.exchange} routingKey={form.routingKey} keyProblem={checked.problems.routingKey} onChange={patch} />
            {preview ? (
              <p className={`publish-preview publish-preview--${preview.outcome}`} data-testid="route-preview">
                {preview.text}.{' '}
                <button type="button" className="link-button" onClick={explain}>
                  Explain route
                </button>
              </p>
            ) : null}
          </Panel>
          <Panel title="Properties">
            <PropertiesFields
              values={form.properties}
              problems={checked.problems}
              omit={isRpc ? ['replyTo', 'correlationId'] : []}
              onChange={(name, value) => patch({ properties: { ...form.properties, [name]: value } })}
            />
          </Panel>
          <Panel title="Headers" aside={form.headers.length > 0 ? `${countNodes(form.headers)} ${countNodes(form.headers) === 1 ? 'row' : 'rows'}` : undefined}>
            <HeadersEditor nodes={form.headers} problems={checked.headerProblems} onChange={(headers) => patch({ headers })} />
          </Panel>
          <Panel title="Body">
            <BodyEditor body={form.body} json={checked.json} size={size} onChange={(body) => patch({ body })} />
          </Panel>
          <Panel title={isRpc ? 'Call' : 'Send'} className="publish-send">
            {isRpc ? (
              <RpcSettings replyMode={rpc.replyMode} timeoutText={rpc.timeoutText} timeoutProblem={timeoutProblem} onChange={(p) => setRpc({ ...rpc, ...p })} />
            ) : (
              <RunSettings form={form} problems={checked.problems} hint={hint} onChange={patch} />
            )}
            <div className="publish-send__bar">
              <button type="button" className="button button--primary" disabled={blockedBy !== null || busy} aria-describedby="publish-blocked" onClick={send}>
                {isRpc ? (busy ? 'Calling…' : 'Call') : 'Publish'}
              </button>
              <span className="muted publish-send__keys">
                <kbd className="kbd">Ctrl</kbd>/<kbd className="kbd">⌘</kbd> + <kbd className="kbd">Enter</kbd>
              </span>
              {blockedBy ? (
                <span className="publish-send__blocked" id="publish-blocked" role="status">
                  {blockedBy}
                </span>
              ) : null}
              {isRpc && rpcCall.calling?.upload ? (
                <span className="publish-send__upload" role="status" aria-label="Upload progress">
                  Uploading <progress max={rpcCall.calling.upload.total} value={rpcCall.calling.upload.sent} />
                </span>
              ) : null}
            </div>
          </Panel>
        </div>
        <div className="publish__side">
          {isRpc ? (
            <Panel title="Reply">
              <RpcOutcome outcome={rpcCall.outcome} error={rpcCall.error} />
            </Panel>
          ) : (
            <Panel title="Results" aside={runs.length > 0 ? `${runs.length} ${runs.length === 1 ? 'run' : 'runs'}` : undefined}>
              {runs.length === 0 ? <p className="muted publish-panel__empty">Each publish shows here: confirmed, returned with the reason, nacked or refused.</p> : null}
              <div className="run-list" aria-label="Publish results">
                {runs.map((run) => (
                  <RunCard key={run.id} run={run} onCancel={() => log.cancel(run.id)} />
                ))}
              </div>
            </Panel>
          )}
          <Panel title="Sent" aside={lists.error ? undefined : `${lists.sent.length}`}>
            {lists.error ? (
              <p className="run-card__refusal" role="alert">
                Cannot read the history: {lists.error}
              </p>
            ) : (
              <SentHistory sent={lists.sent} onLoad={load} onResend={resend} />
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
