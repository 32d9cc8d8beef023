import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { Logger } from '../logger.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { SessionController } from '../session/session-controller.js';
import { openProbeChannel } from './probe-channel.js';
import { publishProbe } from './publish-probe.js';

/** The route explainer's confirmation: one real mandatory publish on the connected broker. */
export function routeHandlers(session: Pick<SessionController, 'broker'>, store: Pick<ProfileStore, 'credentials'>, log: Logger): Pick<ConsoleHandlers, 'route.confirm'> {
  return {
    'route.confirm': async (args) => {
      const broker = session.broker();
      const probe = await openProbeChannel(broker.amqp, await store.credentials(broker.profileId), args.vhost);
      try {
        const result = await publishProbe(probe.channel, args);
        log.info('route probe', { vhost: args.vhost, exchange: args.exchange, outcome: result.outcome, replyCode: result.replyCode ?? null });
        return result;
      } finally {
        await probe.release();
      }
    },
  };
}
