import type { SentMessage } from '../../../shared/model/workbench/publish.js';
import { formatCount } from '../../format/numbers.js';
import { formatBytes } from '../../workbench/message-bytes.js';
import { DEFAULT_EXCHANGE_LABEL } from './DestinationFields.js';
import { repeatText } from './RunCard.js';

/** Entries drawn at once; the backend keeps more. */
const SHOWN = 50;

function countsText(sent: SentMessage): string {
  const c = sent.counts;
  const parts = [`${formatCount(c.sent)} sent`];
  if (c.confirmed > 0) parts.push(`${formatCount(c.confirmed)} confirmed`);
  if (c.returned > 0) parts.push(`${formatCount(c.returned)} returned`);
  if (c.nacked > 0) parts.push(`${formatCount(c.nacked)} nacked`);
  if (sent.status !== 'done') parts.push(sent.status);
  return parts.join(' · ');
}

/** What this profile published, newest first: look, load it back into the form, or send it again as it was. */
export function SentHistory({ sent, onLoad, onResend }: { sent: readonly SentMessage[]; onLoad: (sent: SentMessage) => void; onResend: (sent: SentMessage) => void }) {
  if (sent.length === 0) return <p className="muted publish-panel__empty">Nothing sent from this profile yet.</p>;
  return (
    <ol className="sent-list" aria-label="Sent messages">
      {sent.slice(0, SHOWN).map((s) => (
        <li key={s.id} className={`sent-item${s.status === 'refused' || s.counts.returned > 0 || s.counts.nacked > 0 ? ' is-warn' : ''}`}>
          <div className="sent-item__main">
            <span className="sent-item__where">
              {s.message.exchange === '' ? DEFAULT_EXCHANGE_LABEL : s.message.exchange} <span className="muted">·</span> {s.message.routingKey || '(empty key)'}
            </span>
            <span className="sent-item__meta muted">
              {new Date(s.sentAt).toLocaleTimeString('en-GB')} · {repeatText(s.repeat)} · {formatBytes(s.bodySize)} · {countsText(s)}
            </span>
          </div>
          <div className="sent-item__actions">
            <button type="button" className="button button--small" onClick={() => onLoad(s)} aria-label={`Load into form: ${s.message.routingKey || s.message.exchange}`}>
              Load
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={s.bodyTruncated}
              title={s.bodyTruncated ? 'The history kept only the start of this body: load the original file to send it again' : 'Publish it again as it was'}
              onClick={() => onResend(s)}
              aria-label={`Resend: ${s.message.routingKey || s.message.exchange}`}
            >
              Resend
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
