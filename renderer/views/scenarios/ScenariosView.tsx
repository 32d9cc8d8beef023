import { useState } from 'react';
import type { ScenarioId, ScenarioInfo, ScenarioState } from '../../../shared/model/scenarios.js';
import type { VhostRow } from '../../../shared/model/inventory.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useConsole } from '../../state/StoreProvider.js';
import { ScenarioDetail } from './ScenarioDetail.js';
import { isActive, statusLabel } from './scenario-status.js';
import { useScenarios } from './useScenarios.js';
import './scenarios.css';

/** Without a vhost chosen, scenarios run on "/" when the broker has it, else on the first by name (as the topology graph shows). */
function defaultVhost(vhosts: readonly VhostRow[]): string {
  if (vhosts.length === 0 || vhosts.some((v) => v.name === '/')) return '/';
  return [...vhosts].map((v) => v.name).sort((a, b) => a.localeCompare(b))[0] ?? '/';
}

function ScenarioListItem({ info, state, selected, onSelect }: { info: ScenarioInfo; state: ScenarioState | undefined; selected: boolean; onSelect(): void }) {
  const status = statusLabel(state);
  return (
    <li>
      <button type="button" className={`scenario-list__item${selected ? ' is-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect} data-scenario={info.id}>
        <span className="scenario-list__title">
          {info.title}
          {isActive(state?.status) || state?.status === 'failed' ? <span className={`state state--${status.tone} scenario-list__state`}>{state?.status === 'failed' ? 'failed' : 'running'}</span> : null}
        </span>
        <span className="scenario-list__summary">{info.summary}</span>
      </button>
    </li>
  );
}

/** RabbitMQ's tutorial patterns, each runnable on the connected broker with simulated producers and consumers. */
export function ScenariosView() {
  const scenarios = useScenarios();
  const selectedVhost = useConsole((s) => s.vhost);
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const vhost = selectedVhost ?? defaultVhost(vhosts);
  const [selected, setSelected] = useState<ScenarioId>('hello-world');

  if (scenarios.loadError) return <EmptyState title="Cannot list the scenarios">{scenarios.loadError}</EmptyState>;
  if (scenarios.list === null) return <div className="scenarios" aria-busy="true" />;
  const info = scenarios.list.find((s) => s.id === selected) ?? scenarios.list[0];
  if (!info) return <EmptyState title="No scenarios" />;

  return (
    <div className="scenarios">
      <nav className="panel scenario-list" aria-label="Scenarios">
        <h2 className="panel__title">Scenarios</h2>
        <p className="panel__note">RabbitMQ’s tutorials, live on this broker. Each runs simulated producers and consumers until you stop it.</p>
        <ul>
          {scenarios.list.map((s) => (
            <ScenarioListItem key={s.id} info={s} state={scenarios.states[s.id]} selected={s.id === info.id} onSelect={() => setSelected(s.id)} />
          ))}
        </ul>
      </nav>
      <ScenarioDetail
        info={info}
        state={scenarios.states[info.id]}
        vhost={vhost}
        actionError={scenarios.actionErrors[info.id]}
        onStart={() => void scenarios.start(info.id, vhost)}
        onStop={() => void scenarios.stop(info.id)}
      />
    </div>
  );
}
