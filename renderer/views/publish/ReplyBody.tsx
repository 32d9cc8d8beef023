import { useMemo, useState } from 'react';
import type { WireBytes } from '../../../shared/model/workbench/message.js';
import { formatBytes, hexLine, wireText, wireToBytes } from '../../workbench/message-bytes.js';

type View = 'json' | 'text' | 'hex';

/** Hex lines drawn: 64 KiB of preview is 4,096 lines, more than anyone reads. */
const HEX_LINES = 1024;

/** A reply's body as pretty JSON, text or a hex dump; JSON is offered only when it parses. */
export function ReplyBody({ body, size, truncated }: { body: WireBytes; size: number; truncated: boolean }) {
  const text = useMemo(() => wireText(body, truncated), [body, truncated]);
  const pretty = useMemo(() => {
    if (text === null || truncated) return null;
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return null;
    }
  }, [text, truncated]);
  const [chosen, setChosen] = useState<View | null>(null);
  const view: View = chosen ?? (pretty !== null ? 'json' : text !== null ? 'text' : 'hex');
  const hex = useMemo(() => {
    if (view !== 'hex') return '';
    const bytes = wireToBytes(body);
    const lines: string[] = [];
    for (let offset = 0; offset < bytes.length && lines.length < HEX_LINES; offset += 16) lines.push(hexLine(bytes, offset));
    return lines.join('\n');
  }, [body, view]);
  const options: { view: View; label: string; enabled: boolean }[] = [
    { view: 'json', label: 'JSON', enabled: pretty !== null },
    { view: 'text', label: 'Text', enabled: text !== null },
    { view: 'hex', label: 'Hex', enabled: true },
  ];
  return (
    <div className="reply-body">
      <div className="reply-body__bar">
        <div className="segmented" role="radiogroup" aria-label="Show the body as">
          {options.map((o) => (
            <label key={o.view} className={`segmented__item${view === o.view ? ' is-on' : ''}${o.enabled ? '' : ' is-disabled'}`}>
              <input type="radio" name="reply-body-view" value={o.view} checked={view === o.view} disabled={!o.enabled} onChange={() => setChosen(o.view)} />
              {o.label}
            </label>
          ))}
        </div>
        <span className="muted">
          {formatBytes(size)}
          {truncated ? ' · preview of the start' : ''}
        </span>
      </div>
      <pre className="reply-body__text" aria-label="Reply body" tabIndex={0}>
        {view === 'json' ? pretty : view === 'text' ? text : hex}
      </pre>
    </div>
  );
}
