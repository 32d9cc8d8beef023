import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { ScenarioId } from '../../../shared/model/scenarios.js';
import type { SessionState } from '../../../shared/model/session.js';
import type { WorkbenchDeps } from '../workbench/workbench-deps.js';
import { SCENARIOS } from './catalogue.js';
import { openScenarioConnection } from './scenario-connection.js';
import { type ScenarioRunner, runScenario } from './scenario-runner.js';

export type ScenarioHandlers = Pick<ConsoleHandlers, 'scenarios.list' | 'scenarios.start' | 'scenarios.stop'>;

export interface Scenarios {
  handlers: ScenarioHandlers;
  /** Stops every scenario: the backend closes, or the session moved to another profile. */
  stopAll(): Promise<void>;
}

/**
 * The tutorial scenarios, at most one run of each at a time, on the connected profile. A run
 * belongs to the profile it started on: switching profiles (or disconnecting) stops it.
 */
export function createScenarios(deps: WorkbenchDeps): Scenarios {
  const runs = new Map<ScenarioId, ScenarioRunner>();
  const stopAll = async (): Promise<void> => {
    await Promise.all([...runs.values()].map((run) => run.stop()));
  };

  deps.hub.subscribe((event, payload) => {
    if (event !== 'session.state') return;
    const { profileId } = payload as SessionState;
    for (const [id, run] of runs) {
      if (run.profileId === profileId) continue;
      runs.delete(id);
      void run.stop();
    }
  });

  return {
    stopAll,
    handlers: {
      'scenarios.list': async () => ({
        scenarios: Object.values(SCENARIOS).map((s) => s.info),
        running: [...runs.values()].map((run) => run.state()).filter((s) => s.status !== 'stopped'),
      }),
      'scenarios.start': async ({ id, vhost }) => {
        const current = runs.get(id)?.state();
        if (current && (current.status === 'starting' || current.status === 'running')) return current;
        const broker = deps.session.broker();
        const credentials = await deps.store.credentials(broker.profileId);
        const spec = SCENARIOS[id];
        const run = runScenario({
          spec,
          vhost,
          profileId: broker.profileId,
          connect: () => openScenarioConnection(credentials, vhost, spec.info.title),
          emit: (state) => deps.hub.emit('scenarios.state', state),
          log: deps.log,
        });
        runs.set(id, run);
        return run.started;
      },
      'scenarios.stop': async ({ id }) => {
        const run = runs.get(id);
        if (!run) throw new ApiError('not_found', `The scenario “${SCENARIOS[id].info.title}” has not been started`);
        return run.stop();
      },
    },
  };
}
