import { useId } from 'react';
import type { CompareSide } from '../../../shared/definitions/api.js';
import { FilePicker, type PickedFile } from './FilePicker.js';
import { VhostSelect } from './VhostSelect.js';

export type SideDraft = { kind: 'file' | 'broker' | 'vhost'; file: PickedFile | null; vhost: string };

export function toSide(draft: SideDraft): CompareSide | null {
  if (draft.kind === 'file') return draft.file ? { kind: 'file', text: draft.file.text, label: draft.file.name } : null;
  return { kind: 'broker', vhost: draft.kind === 'vhost' ? draft.vhost : null };
}

/** One side of a comparison: a file, the connected broker, or one of its vhosts. */
export function SidePicker({ title, draft, onChange }: { title: string; draft: SideDraft; onChange: (draft: SideDraft) => void }) {
  const id = useId();
  return (
    <fieldset className="defs-side">
      <legend className="defs-section-title">{title}</legend>
      <label className="defs-field" htmlFor={id}>
        <span className="defs-field__label">Source</span>
        <select id={id} className="select" value={draft.kind} onChange={(event) => onChange({ ...draft, kind: event.target.value as SideDraft['kind'] })}>
          <option value="file">File</option>
          <option value="broker">Connected broker</option>
          <option value="vhost">One vhost of the broker</option>
        </select>
      </label>
      {draft.kind === 'file' ? <FilePicker label={`${title}: choose a file`} file={draft.file} onPick={(file) => onChange({ ...draft, file })} /> : null}
      {draft.kind === 'vhost' ? <VhostSelect label="Vhost" value={draft.vhost} onChange={(vhost) => onChange({ ...draft, vhost })} /> : null}
    </fieldset>
  );
}
