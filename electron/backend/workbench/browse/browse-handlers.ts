import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import type { WorkbenchDeps } from '../workbench-deps.js';

export type BrowseHandlers = Pick<ConsoleHandlers, 'workbench.browse' | 'workbench.browseCapabilities'>;

const pending = (): never => {
  throw new Error('SCAFFOLD: replaced by the browse helper');
};

export function browseHandlers(_deps: WorkbenchDeps): BrowseHandlers {
  return {
    'workbench.browse': async () => pending(),
    'workbench.browseCapabilities': async () => pending(),
  };
}
