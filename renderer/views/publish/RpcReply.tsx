import type { FieldValue } from '../../../shared/model/workbench/field-value.js';
import type { ReceivedProperties } from '../../../shared/model/workbench/message.js';
import type { RpcResult } from '../../../shared/model/workbench/rpc.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../format/numbers.js';
import { ReplyBody } from './ReplyBody.js';

function valueText(v: FieldValue): string {
  switch (v.type) {
    case 'void':
      return 'void';
    case 'table':
      return `{ ${Object.entries(v.value)
        .map(([k, x]) => `${k}: ${valueText(x)}`)
        .join(', ')} }`;
    case 'array':
      return `[${v.value.map(valueText).join(', ')}]`;
    case 'decimal':
      return `${v.value.digits / 10 ** v.value.places}`;
    case 'timestamp':
      return new Date(v.value * 1000).toISOString();
    case 'string':
      return JSON.stringify(v.value);
    default:
      return String(v.value);
  }
}

const PROPERTY_LABEL: Record<keyof ReceivedProperties, string> = {
  contentType: 'content type',
  contentEncoding: 'content encoding',
  deliveryMode: 'delivery mode',
  priority: 'priority',
  expiration: 'expiration',
  messageId: 'message id',
  correlationId: 'correlation id',
  replyTo: 'reply-to',
  type: 'type',
  userId: 'user id',
  appId: 'app id',
  timestamp: 'timestamp',
};

function propertyText(name: keyof ReceivedProperties, value: string | number): string {
  if (name === 'timestamp' && typeof value === 'number') return new Date(value * 1000).toISOString();
  if (name === 'deliveryMode') return value === 2 ? '2 (persistent)' : value === 1 ? '1 (transient)' : String(value);
  return String(value);
}

function roundTrip(ms: number): string {
  return ms < 10_000 ? `${formatCount(Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** An RPC call's outcome: the reply with its round-trip time, or why there was none. */
export function RpcReply({ result, returnReason, onExplain }: { result: RpcResult; returnReason: string | null; onExplain: () => void }) {
  const { reply } = result;
  const headline =
    result.outcome === 'reply'
      ? { tone: 'ok', text: `Reply in ${roundTrip(result.roundTripMs)}` }
      : result.outcome === 'timeout'
        ? { tone: 'warn', text: `No reply within ${roundTrip(result.roundTripMs)}` }
        : result.outcome === 'returned'
          ? { tone: 'warn', text: `Returned: ${result.replyCode ?? 312} ${result.replyText ?? 'NO_ROUTE'}` }
          : { tone: 'bad', text: `Refused: ${result.replyCode ?? ''} ${result.replyText ?? ''}`.trim() };
  const properties = reply ? (Object.entries(reply.properties) as [keyof ReceivedProperties, string | number][]).filter(([, v]) => v !== undefined) : [];
  const headers = reply ? Object.entries(reply.headers) : [];
  return (
    <section className={`rpc-reply rpc-reply--${headline.tone}`} aria-label="RPC outcome">
      <h3 className="rpc-reply__head" data-testid="rpc-outcome">
        <Icon name={headline.tone === 'ok' ? 'check' : headline.tone === 'warn' ? 'warning' : 'cross'} size={14} />
        {headline.text}
      </h3>
      <dl className="rpc-reply__ids">
        <dt>correlation id</dt>
        <dd>{result.correlationId}</dd>
        <dt>reply-to</dt>
        <dd>{result.replyTo}</dd>
      </dl>
      {result.outcome === 'timeout' ? <p className="muted">The request was published; nothing answered with this correlation id. Is a consumer listening on the request queue?</p> : null}
      {result.outcome === 'returned' ? (
        <p className="rpc-reply__why">
          {returnReason ? <>Why: {returnReason}. </> : null}
          <button type="button" className="link-button" onClick={onExplain}>
            Explain route
          </button>
        </p>
      ) : null}
      {reply ? (
        <>
          {properties.length > 0 ? (
            <table className="mini-table rpc-reply__table" aria-label="Reply properties">
              <tbody>
                {properties.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">{PROPERTY_LABEL[name] ?? name}</th>
                    <td>{propertyText(name, value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {headers.length > 0 ? (
            <table className="mini-table rpc-reply__table" aria-label="Reply headers">
              <tbody>
                {headers.map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <span className="muted">{value.type}</span> {valueText(value)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <ReplyBody body={reply.preview} size={reply.size} truncated={reply.truncated} />
        </>
      ) : null}
    </section>
  );
}
