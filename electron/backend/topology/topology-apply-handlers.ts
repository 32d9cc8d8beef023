import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import type { SessionController } from '../session/session-controller.js';
import { applyChanges } from './apply-changes.js';

type TopologyApplyHandlers = Pick<ConsoleHandlers, 'topology.apply'>;

/** topology.apply on the connected broker, its progress pushed as 'topology.progress' events tagged with the caller's id. */
export function topologyApplyHandlers(session: SessionController, hub: EventHub, log: Logger): TopologyApplyHandlers {
  return {
    'topology.apply': async ({ applyId, changes, rollbackOnFailure }) => {
      const { management } = session.broker();
      const result = await applyChanges(management, changes, {
        rollbackOnFailure: rollbackOnFailure ?? false,
        onProgress: (progress) => hub.emit('topology.progress', { applyId, ...progress }),
      });
      const failed = result.outcomes.find((o) => o.status === 'failed');
      log.info('change set applied', { changes: changes.length, ok: result.ok, ...(failed ? { failedAt: failed.index, error: failed.error } : {}) });
      return result;
    },
  };
}
