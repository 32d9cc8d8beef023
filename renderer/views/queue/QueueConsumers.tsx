import type { ChannelRow, ConsumerRow } from '../../../shared/model/inventory.js';
import { formatCount } from '../../format/numbers.js';
import { Section } from './Section.js';

export type ConsumerLine = { consumer: ConsumerRow; channel: ChannelRow | undefined };

/** A consumer's prefetch: its own (basic.qos per consumer), else its channel's; 0 means unlimited. */
const prefetchOf = ({ consumer, channel }: ConsumerLine): string => {
  const value = consumer.prefetch || channel?.prefetch || 0;
  return value === 0 ? 'unlimited' : formatCount(value);
};

/** Who consumes from the queue, with what they hold: prefetch, ack mode, unacked on their channel. */
export function QueueConsumers({ lines }: { lines: readonly ConsumerLine[] }) {
  return (
    <Section title="Consumers" aside={formatCount(lines.length)} wide>
      {lines.length === 0 ? (
        <p className="panel__empty">No consumers: messages wait in the queue.</p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th>Consumer tag</th>
              <th>Channel</th>
              <th>Ack mode</th>
              <th className="align-right">Prefetch</th>
              <th className="align-right" title="Unacknowledged messages on the consumer's channel">
                Unacked (channel)
              </th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ consumer, channel }) => (
              <tr key={consumer.key}>
                <td className="cell-name queue-page__mono" title={consumer.consumerTag}>
                  {consumer.consumerTag}
                </td>
                <td className="cell-name" title={consumer.channelName}>
                  {consumer.channelName}
                </td>
                <td>{consumer.ackRequired ? 'manual' : 'auto'}</td>
                <td className="num">{prefetchOf({ consumer, channel })}</td>
                <td className="num">{channel ? formatCount(channel.unacked) : '—'}</td>
                <td>{[consumer.active ? 'active' : 'waiting', consumer.exclusive ? 'exclusive' : null].filter(Boolean).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
