import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { WorkbenchDeps } from '../workbench/workbench-deps.js';

export type ScenarioHandlers = Pick<ConsoleHandlers, 'scenarios.list' | 'scenarios.start' | 'scenarios.stop'>;

const pending = (): never => {
  throw new Error('SCAFFOLD: replaced by the scenarios helper');
};

export function scenarioHandlers(_deps: WorkbenchDeps): ScenarioHandlers {
  return {
    'scenarios.list': async () => pending(),
    'scenarios.start': async () => pending(),
    'scenarios.stop': async () => pending(),
  };
}
