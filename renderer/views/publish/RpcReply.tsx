import { Fragment } from 'react';
import type { ReceivedProperties } from '../../../shared/model/workbench/message.js';
import type { RpcResult } from '../../../shared/model/workbench/rpc.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../format/numbers.js';
import { useClient } from '../../state/StoreProvider.js';
import { BodyView } from '../../workbench/body-view.js';
import { holderSlices } from '../../workbench/message-body.js';
import { FIELD_TYPE_LABELS, formatFieldValue } from '../../workbench/message-field-value.js';

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
  const client = useClient();
  const { reply } = result;
  const headline =
    result.outcome === 'reply'
      ? { tone: 'ok', text: `Reply in ${roundTrip(result.roundTripMs)}` }
      : result.outcome === 'timeout'
        ? { tone: 'warn', text: `No reply within ${roundTrip(result.roundTripMs)}` }
        : result.outcome === 'returned'
          ? { tone: 'warn', text: `Returned: ${result.replyCode ?? 312} ${result.replyText ?? 'NO_ROUTE'}` }
          : { tone: 'bad', text: `Refused: ${result.replyCode ?? ''} ${result.replyText ?? ''}`.trim() };
  const properties = reply ? (Object.entries(reply.properties) as [keyof ReceivedProperties, string | number][]).filter(([name, v]) => v !== undefined && name !== 'correlationId') : [];
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
            <dl className="rpc-reply__ids" aria-label="Reply properties">
              {properties.map(([name, value]) => (
                <Fragment key={name}>
                  <dt>{PROPERTY_LABEL[name] ?? name}</dt>
                  <dd>{propertyText(name, value)}</dd>
                </Fragment>
              ))}
            </dl>
          ) : null}
          {headers.length > 0 ? (
            <>
              <h4 className="rpc-reply__sub">Headers</h4>
              <dl className="rpc-reply__ids" aria-label="Reply headers">
                {headers.map(([name, value]) => (
                  <Fragment key={name}>
                    <dt>{name}</dt>
                    <dd>
                      <span className="muted">{FIELD_TYPE_LABELS[value.type]}</span> {formatFieldValue(value)}
                    </dd>
                  </Fragment>
                ))}
              </dl>
            </>
          ) : null}
          {/* The backend holds the reply under the call's id, so a long one can be read whole. */}
          <BodyView
            body={reply.preview}
            size={reply.size}
            truncated={reply.truncated}
            contentType={reply.properties.contentType}
            fetchSlice={holderSlices(client, result.callId, reply.seq)}
            fileName="rpc-reply.bin"
          />
        </>
      ) : null}
    </section>
  );
}
