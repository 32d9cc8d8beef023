import type { ScenarioActor, ScenarioState } from '../../../shared/model/scenarios.js';
import { formatCount } from '../../format/numbers.js';

const ROLE_LABELS: Record<ScenarioActor['role'], string> = { producer: 'Producer', consumer: 'Consumer', server: 'Server', client: 'Client' };

/** A count that does not apply: producers receive nothing, consumers send nothing. */
const Dash = () => (
  <span className="muted" aria-label="not applicable">
    —
  </span>
);

/** The run's producers and consumers with what each sent and received so far. */
export function ScenarioActors({ state }: { state: ScenarioState }) {
  return (
    <table className="mini-table scenario-actors" aria-label="Actors">
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">Does</th>
          <th scope="col" className="num">
            Sent
          </th>
          <th scope="col" className="num">
            Received
          </th>
        </tr>
      </thead>
      <tbody>
        {state.actors.map((actor) => (
            <tr key={actor.name} data-actor={actor.name}>
              <td title={actor.name}>
                <span className="scenario-actors__name">{actor.name}</span>
                <span className={`scenario-actors__role scenario-actors__role--${actor.role}`}>{ROLE_LABELS[actor.role]}</span>
              </td>
              <td className="muted" title={actor.detail}>
                {actor.detail}
              </td>
              <td className="num" data-count="sent">
                {actor.role === 'consumer' ? <Dash /> : formatCount(actor.sent)}
              </td>
              <td className="num" data-count="received">
                {actor.role === 'producer' ? <Dash /> : formatCount(actor.received)}
              </td>
            </tr>
        ))}
      </tbody>
    </table>
  );
}
