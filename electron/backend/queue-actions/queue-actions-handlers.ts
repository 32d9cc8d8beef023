import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { openProbeChannel } from '../route/probe-channel.js';
import type { SessionController } from '../session/session-controller.js';
import { moveMessages } from './move-messages.js';
import { createMoveRegistry } from './move-registry.js';
import { queuePath } from './queue-paths.js';

type QueueActionHandlers = Pick<ConsoleHandlers, 'queue.purge' | 'queue.delete' | 'queue.move' | 'queue.moveCancel'>;

/**
 * The queue detail page's actions. Purge and delete go through the
 * management API, which reports the broker's refusal in its own words; a move
 * needs AMQP, for publisher confirms.
 */
export function queueActionHandlers(session: Pick<SessionController, 'broker'>, store: Pick<ProfileStore, 'credentials'>, hub: EventHub, log: Logger): QueueActionHandlers {
  const moves = createMoveRegistry();
  return {
    'queue.purge': async ({ vhost, name }) => {
      await session.broker().management.send({ method: 'DELETE', path: `${queuePath(vhost, name)}/contents` });
      log.info('queue purged', { vhost, name });
      return { purged: true };
    },
    'queue.delete': async ({ vhost, name, ifEmpty, ifUnused }) => {
      const query = { ...(ifEmpty ? { 'if-empty': true } : {}), ...(ifUnused ? { 'if-unused': true } : {}) };
      await session.broker().management.send({ method: 'DELETE', path: queuePath(vhost, name), query });
      log.info('queue deleted', { vhost, name, ifEmpty: ifEmpty ?? false, ifUnused: ifUnused ?? false });
      return { deleted: true };
    },
    'queue.move': async ({ moveId, vhost, source, target }) => {
      const signal = moves.start(moveId);
      try {
        const broker = session.broker();
        // Named for what it does: the Connections view shows 'Warren queue move' while it runs.
        const probe = await openProbeChannel(broker.amqp, await store.credentials(broker.profileId), vhost, 'queue move');
        try {
          const result = await moveMessages(probe.channel, { source, target, signal, onProgress: (p) => hub.emit('queue.moveProgress', { moveId, ...p }) });
          log.info('messages moved', { vhost, source, target, moved: result.moved, outcome: result.outcome });
          return result;
        } finally {
          await probe.release();
        }
      } finally {
        moves.finish(moveId);
      }
    },
    'queue.moveCancel': async ({ moveId }) => ({ cancelled: moves.cancel(moveId) }),
  };
}
