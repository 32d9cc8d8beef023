import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatCount } from '../../format/numbers.js';
import { useClient } from '../../state/StoreProvider.js';
import { bytesToBase64, formatBytes } from '../../workbench/message-bytes.js';
import { describeTarget, EMPTY_TARGET, targetOf, TransferTargetFields, type TargetDraft } from './TransferTargetFields.js';
import type { useTransferTask } from './useTransferTask.js';

/** workbench.bodyUpload takes at most 512 KiB a chunk. */
const CHUNK_BYTES = 512 * 1024;
/** Problems listed under the outcome; the rest are counted. */
const SHOWN_PROBLEMS = 50;

/**
 * Publishes a JSON-lines dump: the file goes up in chunks, the backend
 * checks every line first (nothing is published while any line is bad,
 * each problem named by its line), then publishes with confirms.
 */
export function LoadDialog({ vhost, task, onClose }: { vhost: string; task: ReturnType<typeof useTransferTask>; onClose: () => void }) {
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [asDumped, setAsDumped] = useState(true);
  const [target, setTarget] = useState<TargetDraft>(EMPTY_TARGET);

  const confirm = (): void => {
    if (file === null || (!asDumped && target.name.trim() === '')) return;
    const chosen = asDumped ? null : target;
    onClose();
    void task.run('Load', 0, async (transferId) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const uploadId = crypto.randomUUID();
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
        const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
        await client.call('workbench.bodyUpload', { uploadId, offset, chunk: { encoding: 'base64', data: bytesToBase64(chunk) } });
      }
      const result = await client.call('workbench.load', { transferId, uploadId, vhost, ...(chosen ? { target: targetOf(chosen) } : {}) });
      if (result.status === 'invalid') {
        const lines = result.problems.slice(0, SHOWN_PROBLEMS).map((p) => `Line ${p.line}: ${p.message}`);
        const more = result.problems.length - lines.length;
        const badLines = new Set(result.problems.map((p) => p.line)).size;
        return {
          message: `Nothing published: ${formatCount(badLines)} ${badLines === 1 ? 'line is' : 'lines are'} not a message of a dump.`,
          failed: true,
          details: more > 0 ? [...lines, `… and ${formatCount(more)} more`] : lines,
        };
      }
      if (result.status === 'refused') return { message: `Load refused: ${result.refusal ?? 'the broker refused'}`, failed: true };
      const where = chosen ? ` to ${describeTarget(chosen)}` : ' where each was published from';
      return { message: `Published ${formatCount(result.published)} ${result.published === 1 ? 'message' : 'messages'} from ${file.name}${where}${result.status === 'cancelled' ? ' before Cancel' : ''}.`, failed: false };
    });
  };

  return (
    <ConfirmDialog open title="Load messages from a file" confirmLabel="Load" onCancel={onClose} onConfirm={confirm}>
      <p className="consume-dialog__note">A JSON-lines file saved by Warren (one message a line). Every line is checked before the first publish.</p>
      <label className="consume-form__field">
        <span className="consume-form__label">File</span>
        <input type="file" accept=".jsonl,.ndjson,.json,application/x-ndjson,text/plain" aria-label="Dump file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {file ? <span className="consume-form__hint">{`${file.name}, ${formatBytes(file.size)}`}</span> : null}
      </label>
      <label className="consume-dialog__check">
        <input type="checkbox" checked={asDumped} onChange={(e) => setAsDumped(e.target.checked)} /> Publish each message to the exchange and routing key it was dumped with
      </label>
      {!asDumped ? <TransferTargetFields vhost={vhost} value={target} onChange={setTarget} /> : null}
    </ConfirmDialog>
  );
}
