import type { QueueRow } from '../../../shared/model/inventory.js';
import { formatCount, formatRate } from '../../format/numbers.js';
import { Section } from './Section.js';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const argumentValue = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd title={value}>{value}</dd>
    </div>
  );
}

/** Live counts, the queue's flags and every argument with its value. */
export function QueueProperties({ queue }: { queue: QueueRow }) {
  const args = Object.entries(queue.arguments).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <Section title="Messages">
        <div className="stats stats--4">
          {(
            [
              ['Ready', formatCount(queue.ready)],
              ['Unacked', formatCount(queue.unacked)],
              ['Total', formatCount(queue.total)],
              ['Consumers', formatCount(queue.consumers)],
              ['Publish', formatRate(queue.publishRate)],
              ['Deliver', formatRate(queue.deliverRate)],
            ] as const
          ).map(([label, value]) => (
            <div className="stat" key={label}>
              <div className="stat__label">{label}</div>
              <div className="stat__value">{value}</div>
            </div>
          ))}
        </div>
      </Section>
      <Section title="Properties">
        <dl className="facts">
          <Fact label="Type" value={queue.type} />
          <Fact label="State" value={queue.state} />
          <Fact label="Durable" value={yesNo(queue.durable)} />
          <Fact label="Auto-delete" value={yesNo(queue.autoDelete)} />
          <Fact label="Exclusive" value={yesNo(queue.exclusive)} />
        </dl>
      </Section>
      <Section title="Arguments" aside={args.length > 0 ? formatCount(args.length) : undefined}>
        {args.length === 0 ? (
          <p className="panel__empty">None: the broker's defaults and any policy apply.</p>
        ) : (
          <table className="mini-table">
            <tbody>
              {args.map(([name, value]) => (
                <tr key={name}>
                  <td className="queue-page__mono">{name}</td>
                  <td className="queue-page__mono">{argumentValue(value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
