import { useMemo } from 'react';
import { formatCount, formatRate } from '../../format/numbers.js';
import { queueHref } from '../../navigation/routes.js';
import { useConsole } from '../../state/StoreProvider.js';

/** The scenario's queues as the sampler last saw them, each a link to its page: where the charts move. */
export function ScenarioQueues({ vhost, names }: { vhost: string; names: readonly string[] }) {
  const queues = useConsole((s) => s.inventory.queues);
  const rows = useMemo(() => names.map((name) => ({ name, row: queues.find((q) => q.vhost === vhost && q.name === name) })), [queues, vhost, names]);
  return (
    <table className="mini-table scenario-queues" aria-label="Queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col" className="num">
            Ready
          </th>
          <th scope="col" className="num">
            Unacked
          </th>
          <th scope="col" className="num">
            Consumers
          </th>
          <th scope="col" className="num">
            In /s
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, row }) => (
          <tr key={name} data-queue={name}>
            <td>
              <a href={queueHref(vhost, name)}>{name}</a>
            </td>
            {row ? (
              <>
                <td className="num">{formatCount(row.ready)}</td>
                <td className="num">{formatCount(row.unacked)}</td>
                <td className="num">{formatCount(row.consumers)}</td>
                <td className="num">{formatRate(row.publishRate)}</td>
              </>
            ) : (
              <td className="muted" colSpan={4}>
                not declared yet
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
