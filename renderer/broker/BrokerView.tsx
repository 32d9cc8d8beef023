import { useState, type ReactNode } from 'react';
import type { EmbeddedState, ExampleTopologyResult } from '../../shared/model/embedded.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { CopyButton } from '../components/CopyButton.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { Switch } from '../components/Switch.js';
import { MISSING } from '../format/numbers.js';
import { retryingIn } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { hrefOf } from '../navigation/routes.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { BrokerSettingsForm } from './BrokerSettingsForm.js';
import { formatBytes, formatUptime, STATUS_DOT, STATUS_LABELS } from './format.js';
import { LogTail } from './LogTail.js';
import { useEmbeddedState, useLogTail } from './useEmbedded.js';
import './broker.css';

function Fact({ label, children, copy }: { label: string; children: ReactNode; copy?: string | null }) {
  return (
    <div className="broker-fact">
      <dt>{label}</dt>
      <dd>
        <span className="broker-fact__value">{children}</span>
        {copy ? <CopyButton text={copy} /> : null}
      </dd>
    </div>
  );
}

function Status({ state }: { state: EmbeddedState }) {
  const now = useNow(1000);
  const label = STATUS_LABELS[state.status];
  return (
    <div className="broker-status">
      <span className={`status-dot ${STATUS_DOT[state.status]}`} aria-hidden="true" />
      <span className="broker-status__label" role="status" aria-label={`Embedded broker: ${label}`}>
        {label}
      </span>
      {state.status === 'running' && state.pid !== null ? <span className="broker-status__muted">pid {state.pid}</span> : null}
      {state.status === 'restarting' && state.restartAt !== null ? <span className="broker-status__muted">{retryingIn(state.restartAt, now)}</span> : null}
      {state.restarts > 0 ? (
        <span className="badge badge--warn" title="Times the broker exited on its own and was started again since Warren started">
          {state.restarts === 1 ? '1 restart' : `${state.restarts} restarts`}
        </span>
      ) : null}
    </div>
  );
}

function Facts({ state }: { state: EmbeddedState }) {
  const now = useNow(1000);
  const running = state.status === 'running';
  return (
    <dl className="broker-facts">
      <Fact label="AMQP" copy={running ? state.amqpUrl : null}>
        {running && state.amqpUrl ? <code>{state.amqpUrl}</code> : state.amqpPort !== null ? <span className="muted">port {state.amqpPort} (last run)</span> : MISSING}
      </Fact>
      <Fact label="Management HTTP" copy={running ? state.httpUrl : null}>
        {running && state.httpUrl ? (
          <code>{state.httpUrl}</code>
        ) : running ? (
          <span className="muted">not served by this broker build</span>
        ) : state.httpPort !== null ? (
          <span className="muted">port {state.httpPort} (last run)</span>
        ) : (
          MISSING
        )}
      </Fact>
      <Fact label="Uptime">{formatUptime(state.startedAt, now)}</Fact>
      <Fact label="Memory (RSS)">{formatBytes(state.rssBytes)}</Fact>
      <Fact label="Data folder" copy={state.dataDir}>
        <code title={state.dataDir}>{state.dataDir}</code>
      </Fact>
      <Fact label="Account">
        <code>guest</code> / <code>guest</code> <span className="muted">(loopback only)</span>
      </Fact>
    </dl>
  );
}

function Examples({ state }: { state: EmbeddedState }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExampleTopologyResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setResult(await client.call('embedded.loadExamples', {}));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel broker-examples" aria-labelledby="broker-examples-title">
      <h2 className="panel__title" id="broker-examples-title">
        Example topology
      </h2>
      <div className="broker-panel__body">
        <p className="broker-examples__text">
          The six RabbitMQ tutorials, ready to look at: <code>hello</code>, <code>task_queue</code>, the <code>logs</code> fanout, the{' '}
          <code>direct_logs</code> and <code>topic_logs</code> exchanges with their bindings, and <code>rpc_queue</code>, with a few messages in
          each. Safe to load again: nothing is duplicated.
        </p>
        <div className="broker-examples__actions">
          <button type="button" className="button button--primary" disabled={busy || state.status !== 'running'} onClick={() => void load()}>
            {busy ? 'Loading…' : 'Load example topology'}
          </button>
          {result ? (
            <span className="form-actions__saved" role="status">
              <Icon name="check" size={14} />
              {result.queues.length} queues, {result.exchanges.length} exchanges, {result.bindings} bindings
              {result.published > 0 ? `, ${result.published} messages published` : ', queues already had messages'}.{' '}
              <a href={hrefOf('queues')}>See the queues →</a>
            </span>
          ) : null}
        </div>
        {result && result.skipped.length > 0 ? (
          <p className="warning" role="note">
            <Icon name="warning" size={14} />
            <span>Left as they are (they exist with other settings): {result.skipped.join(', ')}.</span>
          </p>
        ) : null}
        {failure ? (
          <p className="form-error" role="alert">
            Loading the examples failed: {failure}
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** Warren's own broker: its process, its addresses, its log and its settings. */
export function BrokerView() {
  const client = useClient();
  const { state, error, apply } = useEmbeddedState();
  const lines = useLogTail();
  const connectedHere = useConsole((s) => s.session?.profileId !== null && s.session?.profileId === state?.profileId && s.session?.status === 'connected');
  const [pending, setPending] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  if (error && !state) {
    return (
      <EmptyState title="Cannot read the embedded broker's state">
        <p>{error}</p>
      </EmptyState>
    );
  }
  if (!state) return <div className="broker" aria-busy="true" />;

  const act = async (what: string, call: () => Promise<EmbeddedState>) => {
    setPending(what);
    setActionError(null);
    try {
      apply(await call());
    } catch (err) {
      setActionError(`${what} failed: ${errorMessage(err)}`);
    } finally {
      setPending(null);
    }
  };

  const up = state.status === 'running' || state.status === 'starting' || state.status === 'restarting';
  const busy = pending !== null || state.status === 'starting' || state.status === 'stopping';

  return (
    <div className="broker">
      <section className="panel broker-head" aria-label="Embedded broker status">
        <div className="broker-head__row">
          <Status state={state} />
          <div className="broker-head__actions">
            <button type="button" className="button" disabled={busy || up} onClick={() => void act('Starting', () => client.call('embedded.start', {}))}>
              Start
            </button>
            <button type="button" className="button" disabled={busy || !up} onClick={() => void act('Stopping', () => client.call('embedded.stop', {}))}>
              Stop
            </button>
            <button type="button" className="button" disabled={busy || !up} onClick={() => void act('Restarting', () => client.call('embedded.restart', {}))}>
              <Icon name="refresh" size={14} />
              Restart
            </button>
          </div>
        </div>
        {state.reason ? (
          <p className={`broker-head__reason${state.status === 'failed' || state.status === 'restarting' ? ' is-bad' : ''}`}>{state.reason}</p>
        ) : null}
        {state.portNote && up ? (
          <p className="warning" role="note">
            <Icon name="warning" size={14} />
            <span>{state.portNote}</span>
          </p>
        ) : null}
        {actionError ? (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        ) : null}
        <Facts state={state} />
        <div className="broker-head__footer">
          <Switch
            checked={state.settings.enabled}
            label="Embedded broker on (starts with Warren)"
            onChange={(enabled) => void act(enabled ? 'Turning on' : 'Turning off', () => client.call('embedded.configure', { enabled }))}
          />
          {state.profileId ? (
            <span className="muted">
              Profile “Embedded broker” · {connectedHere ? 'the console is connected to it' : <a href={hrefOf('profiles')}>connect to it in Profiles</a>}
            </span>
          ) : null}
        </div>
      </section>

      <Examples state={state} />

      <div className="broker__columns">
        <section className="panel broker-log" aria-labelledby="broker-log-title">
          <h2 className="panel__title" id="broker-log-title">
            Log <span className="muted">last {lines.length} lines</span>
          </h2>
          <LogTail lines={lines} />
        </section>

        <div className="broker__side">
          <section className="panel" aria-labelledby="broker-settings-title">
            <h2 className="panel__title" id="broker-settings-title">
              Settings
            </h2>
            <div className="broker-panel__body">
              <BrokerSettingsForm
                settings={state.settings}
                running={state.status === 'running'}
                onSave={async (change) => apply(await client.call('embedded.configure', change))}
              />
            </div>
          </section>

          <section className="panel broker-danger" aria-labelledby="broker-reset-title">
            <h2 className="panel__title" id="broker-reset-title">
              Reset data
            </h2>
            <div className="broker-panel__body">
              <p className="broker-examples__text">Deletes every queue, exchange, message and user the embedded broker keeps, then starts it empty.</p>
              <button type="button" className="button button--danger-ghost" disabled={busy} onClick={() => setConfirmReset(true)}>
                <Icon name="trash" size={14} />
                Reset data…
              </button>
            </div>
          </section>
        </div>
      </div>

      <ConfirmDialog
        open={confirmReset}
        title="Reset the embedded broker's data?"
        confirmLabel="Delete and restart"
        danger
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void act('Resetting', () => client.call('embedded.resetData', { dataDir: state.dataDir }));
        }}
      >
        <div className="broker-dialog">
          <p>
          The broker stops, the folder <code className="broker-dialog__path">{state.dataDir}</code> is deleted with everything in it — queues,
          exchanges, bindings, messages, users — and the broker starts again empty.
        </p>
          <p>This cannot be undone.</p>
        </div>
      </ConfirmDialog>
    </div>
  );
}
