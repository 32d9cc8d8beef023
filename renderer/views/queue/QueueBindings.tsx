import type { QueueRow } from '../../../shared/model/inventory.js';
import type { TopologyBinding } from '../../../shared/model/topology.js';
import { topologyHref } from '../../navigation/routes.js';
import { Section } from './Section.js';

const exchangeLabel = (name: string): string => (name === '' ? '(default exchange)' : name);
const show = (args: Record<string, unknown>): string => (Object.keys(args).length === 0 ? '' : JSON.stringify(args));

/**
 * Bindings in (exchanges that route to the queue) and out (where it
 * dead-letters), each a link to the graph of the queue's vhost focused on the queue.
 */
export function QueueBindings({ queue, bindings, deadLetterTo, loading }: { queue: QueueRow; bindings: readonly TopologyBinding[]; deadLetterTo: string | null; loading: boolean }) {
  // The address chooses the queue's vhost: the graph draws one vhost.
  const graphLink = (label: string) => <a href={topologyHref(queue.vhost, [{ kind: 'queue', name: queue.name }])}>{label}</a>;
  return (
    <Section title="Bindings" aside={graphLink('Show in the graph →')} wide>
      {bindings.length === 0 ? (
        <p className="panel__empty">{loading ? 'Reading bindings…' : 'No exchange routes to this queue.'}</p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th>From exchange</th>
              <th>Routing key</th>
              <th>Arguments</th>
            </tr>
          </thead>
          <tbody>
            {bindings.map((b) => (
              <tr key={`${b.source}\u0000${b.propertiesKey}`}>
                <td className="cell-name">{graphLink(exchangeLabel(b.source))}</td>
                <td className="queue-page__mono">{b.routingKey}</td>
                <td className="queue-page__mono">{show(b.arguments)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="panel__note">Dead-letters to: {deadLetterTo === null ? 'nowhere (no dead-letter exchange)' : graphLink(exchangeLabel(deadLetterTo))}</p>
    </Section>
  );
}
