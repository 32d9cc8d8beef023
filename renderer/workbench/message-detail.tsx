import { memo, type ReactNode } from 'react';
import type { ReceivedMessage, ReceivedProperties } from '../../shared/model/workbench/message.js';
import { BodyView, type BodySlice } from './body-view.js';
import { FIELD_TYPE_LABELS, formatFieldValue } from './message-field-value.js';
import { deathHistory, describeDeath } from './message-x-death.js';
import './message-detail.css';

const PROPERTY_LABELS: Record<keyof ReceivedProperties, string> = {
  contentType: 'Content type',
  contentEncoding: 'Content encoding',
  deliveryMode: 'Delivery mode',
  priority: 'Priority',
  expiration: 'Expiration',
  messageId: 'Message id',
  correlationId: 'Correlation id',
  replyTo: 'Reply to',
  type: 'Type',
  userId: 'User id',
  appId: 'App id',
  timestamp: 'Timestamp',
};

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
export const formatDateTime = (ms: number): string => dateTime.format(new Date(ms));

function propertyValue(key: keyof ReceivedProperties, value: string | number): string {
  if (key === 'deliveryMode') return value === 2 ? '2 (persistent)' : value === 1 ? '1 (transient)' : String(value);
  if (key === 'timestamp') return `${formatDateTime(Number(value) * 1000)} (${value})`;
  if (key === 'expiration') return `${value} ms`;
  return String(value);
}

function Fields({ rows, label }: { rows: [ReactNode, ReactNode][]; label: string }) {
  return (
    <dl className="message-detail__fields" aria-label={label}>
      {rows.map(([name, value], i) => (
        <div key={i} className="message-detail__field">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export type MessageDetailProps = {
  message: ReceivedMessage;
  /** Fetches slices of a truncated body (workbench.messageBody for this message). */
  fetchSlice?: BodySlice;
  /** Buttons for this message (ack, republish…), shown in the header. */
  actions?: ReactNode;
};

/** One message: where it came from, its properties, typed headers, x-death history in words, and its body. */
export const MessageDetail = memo(function MessageDetail({ message, fetchSlice, actions }: MessageDetailProps) {
  const deaths = deathHistory(message.headers);
  const properties = (Object.keys(PROPERTY_LABELS) as (keyof ReceivedProperties)[])
    .filter((key) => message.properties[key] !== undefined)
    .map((key): [ReactNode, ReactNode] => [PROPERTY_LABELS[key], propertyValue(key, message.properties[key] as string | number)]);
  const headers = Object.entries(message.headers).filter(([name]) => name !== 'x-death');
  return (
    <article className="message-detail" aria-label={`Message ${message.seq}`}>
      <header className="message-detail__head">
        <h3 className="message-detail__title">Message #{message.seq.toLocaleString('en-US')}</h3>
        {message.redelivered ? <span className="badge badge--warn">redelivered</span> : null}
        {message.pending ? <span className="badge badge--arg">awaiting ack</span> : null}
        <span className="message-detail__actions">{actions}</span>
      </header>
      <Fields
        label="Delivery"
        rows={[
          ['Received', formatDateTime(message.receivedAt)],
          ['Exchange', message.exchange === '' ? <span className="muted">(default exchange)</span> : message.exchange],
          ['Routing key', message.routingKey === '' ? <span className="muted">(empty)</span> : message.routingKey],
        ]}
      />
      {deaths.length > 0 ? (
        <section className="message-detail__section" aria-label="Dead-letter history">
          <h4 className="message-detail__subtitle">Dead-letter history</h4>
          <ol className="message-detail__deaths">
            {deaths.map((death, i) => (
              <li key={i}>{describeDeath(death, formatDateTime)}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <section className="message-detail__section" aria-label="Properties">
        <h4 className="message-detail__subtitle">Properties</h4>
        {properties.length > 0 ? <Fields label="Properties" rows={properties} /> : <p className="message-detail__none">None set</p>}
      </section>
      <section className="message-detail__section" aria-label="Headers">
        <h4 className="message-detail__subtitle">Headers</h4>
        {headers.length > 0 ? (
          <Fields
            label="Headers"
            rows={headers.map(([name, value]): [ReactNode, ReactNode] => [
              name,
              <>
                <span className="message-detail__type">{FIELD_TYPE_LABELS[value.type]}</span>
                <span className="message-detail__value">{formatFieldValue(value)}</span>
              </>,
            ])}
          />
        ) : (
          <p className="message-detail__none">None</p>
        )}
      </section>
      <section className="message-detail__section message-detail__body" aria-label="Body">
        <h4 className="message-detail__subtitle">Body</h4>
        <BodyView
          key={message.seq}
          body={message.preview}
          size={message.size}
          truncated={message.truncated}
          contentType={message.properties.contentType}
          fetchSlice={fetchSlice}
          fileName={`message-${message.seq}.bin`}
        />
      </section>
    </article>
  );
});
