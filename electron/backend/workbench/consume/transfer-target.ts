import type { TransferTarget } from '../../../../shared/model/workbench/surgery.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { missing } from './vhost-channel.js';

/** The broker's words when the target does not exist (publishing there would drop or return everything), null when it does. */
export function missingTarget(deps: Pick<WorkbenchDeps, 'session' | 'store'>, vhost: string, target: TransferTarget): Promise<string | null> {
  return missing(deps, vhost, target.kind === 'queue' ? { queue: target.queue } : { exchange: target.exchange });
}

/** Exchange and routing key a message goes to: a queue through the default exchange, or an exchange with its own key unless one is given. */
export function addressFor(target: TransferTarget, routingKey: string): { exchange: string; routingKey: string } {
  return target.kind === 'queue' ? { exchange: '', routingKey: target.queue } : { exchange: target.exchange, routingKey: target.routingKey ?? routingKey };
}
