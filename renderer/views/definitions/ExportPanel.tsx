import { useState } from 'react';
import { Switch } from '../../components/Switch.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { saveText } from './save-text.js';
import { VhostSelect } from './VhostSelect.js';

/** Export: the whole broker or one vhost, sorted so two exports diff cleanly; users only when asked for. */
export function ExportPanel() {
  const client = useClient();
  const connected = useConsole((s) => s.session?.status === 'connected');
  const [scope, setScope] = useState<'broker' | 'vhost'>('broker');
  const [vhost, setVhost] = useState('/');
  const [includeUsers, setIncludeUsers] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    setSaved(null);
    try {
      const { fileName, text } = await client.call('definitions.export', { vhost: scope === 'vhost' ? vhost : null, includeUsers: scope === 'broker' && includeUsers });
      saveText(text, fileName);
      setSaved(`Saved ${fileName} (${(text.length / 1024).toFixed(1)} KB)`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="defs-panel">
      <fieldset className="defs-fieldset">
        <legend className="defs-section-title">What to export</legend>
        <label className="defs-radio">
          <input type="radio" name="export-scope" checked={scope === 'broker'} onChange={() => setScope('broker')} />
          Whole broker <span className="muted">— vhosts, policies, exchanges, queues, bindings</span>
        </label>
        <label className="defs-radio">
          <input type="radio" name="export-scope" checked={scope === 'vhost'} onChange={() => setScope('vhost')} />
          One vhost <span className="muted">— RabbitMQ's single-vhost format, importable into any vhost</span>
        </label>
        {scope === 'vhost' ? <VhostSelect label="Vhost" value={vhost} onChange={setVhost} /> : null}
      </fieldset>
      {scope === 'broker' ? (
        <div className="defs-users">
          <Switch checked={includeUsers} onChange={setIncludeUsers} label="Include users, permissions and password hashes" />
          {includeUsers ? (
            <p className="warning" role="note">
              The file will hold every user's password hash. Anyone who has it can try to recover the passwords, or log in with the same hashes on another broker:
              keep it as private as the passwords themselves.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="defs-actions">
        <button type="button" className="button button--primary" disabled={busy || !connected} onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export to file'}
        </button>
        {saved ? (
          <span className="defs-saved" role="status">
            {saved}
          </span>
        ) : null}
      </div>
      {!connected ? <p className="banner banner--warn">Connect to a broker to export its definitions.</p> : null}
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
