import type { ApplyProgress, ApplyResult, Change, ChangeOutcome } from '../../../shared/topology/change.js';
import type { ManagementClient } from '../management/management-client.js';
import { applyChanges } from '../topology/apply-changes.js';
import { changesDocument, isImportable, refusalByChange } from './definitions-document.js';

type Progress = (progress: Omit<ApplyProgress, 'applyId'>) => void;

/**
 * A plan on Warren's embedded broker: every create and update goes in one
 * POST /api/definitions, which the broker validates as a whole and applies
 * all or nothing. Deletions (the deletes of recreations before it, a sync's
 * after it) go one by one, as the import format cannot express them.
 */
export async function applyOnEmbedded(management: Pick<ManagementClient, 'send'>, changes: readonly Change[], onProgress: Progress): Promise<ApplyResult> {
  const total = changes.length;
  const outcomes: ChangeOutcome[] = changes.map((_, index) => ({ index, status: 'not-attempted' }));
  const all = changes.map((_, i) => i);
  const firstImport = all.findIndex((i) => isImportable(changes[i]!));
  const imports = all.filter((i) => isImportable(changes[i]!));
  const before = all.filter((i) => !isImportable(changes[i]!) && (firstImport === -1 || i < firstImport));
  const after = all.filter((i) => !isImportable(changes[i]!) && firstImport !== -1 && i > firstImport);
  let done = 0;

  const runEach = async (indices: number[]): Promise<boolean> => {
    if (indices.length === 0) return true;
    const subset = indices.map((i) => changes[i]!);
    const result = await applyChanges(management, subset, {
      onProgress: (p) => onProgress({ done: done + p.done, total, current: p.current === null ? null : indices[p.current]!, phase: p.phase === 'done' ? 'applying' : p.phase }),
    });
    for (const o of result.outcomes) outcomes[indices[o.index]!] = { ...o, index: indices[o.index]! };
    done += result.outcomes.filter((o) => o.status === 'applied').length;
    return result.ok;
  };

  let ok = await runEach(before);
  if (ok && imports.length > 0) {
    onProgress({ done, total, current: imports[0]!, phase: 'applying' });
    const { doc, origin } = changesDocument(changes, imports);
    try {
      await management.send({ method: 'POST', path: 'api/definitions', body: doc });
      for (const i of imports) outcomes[i] = { index: i, status: 'applied' };
      done += imports.length;
    } catch (err) {
      ok = false;
      const reason = err instanceof Error ? err.message : String(err);
      const byChange = refusalByChange(reason, origin);
      // Nothing of the document was applied: the changes it names failed, the others were not attempted.
      if (byChange.size === 0) outcomes[imports[0]!] = { index: imports[0]!, status: 'failed', error: reason };
      for (const [i, error] of byChange) outcomes[i] = { index: i, status: 'failed', error };
    }
  }
  if (ok) ok = await runEach(after);
  onProgress({ done, total, current: null, phase: 'done' });
  return { ok, outcomes };
}
