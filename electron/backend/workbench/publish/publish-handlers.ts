import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import type { WorkbenchDeps } from '../workbench-deps.js';

export type PublishHandlers = Pick<
  ConsoleHandlers,
  | 'workbench.publish'
  | 'workbench.publishCancel'
  | 'workbench.bodyUpload'
  | 'workbench.templates'
  | 'workbench.templateSave'
  | 'workbench.templateRemove'
  | 'workbench.sent'
  | 'workbench.rpc'
>;

const pending = (): never => {
  throw new Error('SCAFFOLD: replaced by the publish helper');
};

export function publishHandlers(_deps: WorkbenchDeps): PublishHandlers {
  return {
    'workbench.publish': async () => pending(),
    'workbench.publishCancel': async () => pending(),
    'workbench.bodyUpload': async () => pending(),
    'workbench.templates': async () => pending(),
    'workbench.templateSave': async () => pending(),
    'workbench.templateRemove': async () => pending(),
    'workbench.sent': async () => pending(),
    'workbench.rpc': async () => pending(),
  };
}
