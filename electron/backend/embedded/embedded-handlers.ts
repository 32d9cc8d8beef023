import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { Supervisor } from './supervisor.js';

type EmbeddedHandlers = Pick<
  ConsoleHandlers,
  | 'embedded.status'
  | 'embedded.start'
  | 'embedded.stop'
  | 'embedded.restart'
  | 'embedded.configure'
  | 'embedded.resetData'
  | 'embedded.logs'
  | 'embedded.loadExamples'
>;

/** The Broker page's calls, straight onto the supervisor. */
export function embeddedHandlers(supervisor: Supervisor): EmbeddedHandlers {
  return {
    'embedded.status': () => supervisor.state(),
    'embedded.start': () => supervisor.start(),
    'embedded.stop': () => supervisor.stop(),
    'embedded.restart': () => supervisor.restart(),
    'embedded.configure': (change) => supervisor.configure(change),
    'embedded.resetData': ({ dataDir }) => supervisor.resetData(dataDir),
    'embedded.logs': async ({ afterSeq, limit }) => ({ lines: supervisor.logs(afterSeq, limit) }),
    'embedded.loadExamples': () => supervisor.loadExamples(),
  };
}
