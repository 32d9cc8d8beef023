import type { ConsoleHandlers } from '../../../../shared/api/contract.js';
import type { WorkbenchDeps } from '../workbench-deps.js';

export type ConsumeHandlers = Pick<
  ConsoleHandlers,
  | 'workbench.consumeStart'
  | 'workbench.consumeStop'
  | 'workbench.consumePause'
  | 'workbench.consumers'
  | 'workbench.consumeClear'
  | 'workbench.list'
  | 'workbench.settle'
  | 'workbench.messageBody'
  | 'workbench.transfer'
  | 'workbench.transferCancel'
  | 'workbench.dump'
  | 'workbench.load'
  | 'workbench.sendBack'
>;

const pending = (): never => {
  throw new Error('SCAFFOLD: replaced by the consume helper');
};

export function consumeHandlers(_deps: WorkbenchDeps): ConsumeHandlers {
  return {
    'workbench.consumeStart': async () => pending(),
    'workbench.consumeStop': async () => pending(),
    'workbench.consumePause': async () => pending(),
    'workbench.consumers': async () => pending(),
    'workbench.consumeClear': async () => pending(),
    'workbench.list': async () => pending(),
    'workbench.settle': async () => pending(),
    'workbench.messageBody': async () => pending(),
    'workbench.transfer': async () => pending(),
    'workbench.transferCancel': async () => pending(),
    'workbench.dump': async () => pending(),
    'workbench.load': async () => pending(),
    'workbench.sendBack': async () => pending(),
  };
}
