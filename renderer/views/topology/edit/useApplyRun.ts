import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplyProgress, ChangeOutcome } from '../../../../shared/topology/change.js';
import { useClient } from '../../../state/StoreProvider.js';
import { errorMessage } from '../../../state/consoleStore.js';
import { changeSet, type Edit } from './pending-edits.js';

export type EditOutcome = { status: ChangeOutcome['status']; error?: string };

export type ApplyRun =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ApplyProgress | null; total: number }
  | {
      phase: 'finished';
      ok: boolean;
      /** Per line of the set that was sent, by edit key. */
      outcomes: Map<string, EditOutcome>;
      /** The lines that reached the broker, as the diff titled them. */
      applied: string[];
      /** The call itself failed (not connected, link lost): nothing is known to be applied. */
      error: string | null;
    };

/** Worst first: a line is applied only when all its changes are. */
const RANK: Record<ChangeOutcome['status'], number> = { failed: 0, 'not-attempted': 1, 'rolled-back': 2, applied: 3 };

/** One line's outcome from those of its changes (a recreation is several). */
export function outcomesByEdit(edits: readonly Edit[], owner: readonly number[], outcomes: readonly ChangeOutcome[]): Map<string, EditOutcome> {
  const byEdit = new Map<string, EditOutcome>();
  for (const o of outcomes) {
    const edit = edits[owner[o.index] as number] as Edit;
    const before = byEdit.get(edit.key);
    if (!before || RANK[o.status] < RANK[before.status]) byEdit.set(edit.key, { status: o.status, ...(o.error ? { error: o.error } : {}) });
  }
  return byEdit;
}

let runs = 0;

/** topology.apply with its progress events, for one pending set at a time. */
export function useApplyRun(onApplied: (keys: string[]) => void): {
  run: ApplyRun;
  apply: (edits: readonly Edit[], titles: ReadonlyMap<string, string>, rollbackOnFailure: boolean) => Promise<void>;
  reset: () => void;
} {
  const client = useClient();
  const [run, setRun] = useState<ApplyRun>({ phase: 'idle' });
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      client.on('topology.progress', (progress) => {
        if (progress.applyId !== current.current) return;
        setRun((r) => (r.phase === 'running' ? { ...r, progress } : r));
      }),
    [client],
  );

  const apply = useCallback(
    async (edits: readonly Edit[], titles: ReadonlyMap<string, string>, rollbackOnFailure: boolean) => {
      const { changes, owner } = changeSet(edits);
      const applyId = `edit-${Date.now().toString(36)}-${++runs}`;
      current.current = applyId;
      setRun({ phase: 'running', progress: null, total: changes.length });
      try {
        const result = await client.call('topology.apply', { applyId, changes, rollbackOnFailure });
        const outcomes = outcomesByEdit(edits, owner, result.outcomes);
        const appliedKeys = edits.filter((e) => outcomes.get(e.key)?.status === 'applied').map((e) => e.key);
        setRun({ phase: 'finished', ok: result.ok, outcomes, applied: appliedKeys.map((k) => titles.get(k) ?? k), error: null });
        if (appliedKeys.length > 0) onApplied(appliedKeys);
      } catch (error) {
        setRun({ phase: 'finished', ok: false, outcomes: new Map(), applied: [], error: errorMessage(error) });
      } finally {
        current.current = null;
      }
    },
    [client, onApplied],
  );

  return { run, apply, reset: useCallback(() => setRun({ phase: 'idle' }), []) };
}
