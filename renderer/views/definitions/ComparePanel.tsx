import { useState } from 'react';
import type { CompareResult } from '../../../shared/definitions/api.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';
import { DiffTable } from './DiffTable.js';
import { ProblemList } from './ProblemList.js';
import { SidePicker, type SideDraft, toSide } from './SidePicker.js';

/** Compare: any two of file, broker and vhost, side by side. */
export function ComparePanel() {
  const client = useClient();
  const [left, setLeft] = useState<SideDraft>({ kind: 'file', file: null, vhost: '/' });
  const [right, setRight] = useState<SideDraft>({ kind: 'broker', file: null, vhost: '/' });
  const [result, setResult] = useState<CompareResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const l = toSide(left);
  const r = toSide(right);

  const run = async () => {
    if (!l || !r) return;
    setBusy(true);
    setFailure(null);
    try {
      setResult(await client.call('definitions.compare', { left: l, right: r }));
    } catch (err) {
      setResult(null);
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="defs-panel">
      <div className="defs-sides">
        <SidePicker title="Left" draft={left} onChange={setLeft} />
        <SidePicker title="Right" draft={right} onChange={setRight} />
      </div>
      <div className="defs-actions">
        <button type="button" className="button button--primary" disabled={!l || !r || busy} onClick={() => void run()}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      {result ? <ProblemList problems={result.problems} title="Unreadable" /> : null}
      {result && result.problems.length === 0 ? <DiffTable entries={result.entries} labels={result.labels} /> : null}
    </div>
  );
}
