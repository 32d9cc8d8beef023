import type { ProfileStore } from '../profiles/profile-store.js';
import { openProbeChannel } from '../route/probe-channel.js';
import type { SessionController } from '../session/session-controller.js';
import type { PassiveProbe } from './history-recorder.js';

/**
 * queue.declare passive over AMQP: the broker answers a queue's ready count
 * and consumer count even with statistics off. On the session's connection
 * for its own vhost, a short-lived one for another (a connection is bound to one vhost).
 */
export function passiveProbe(session: Pick<SessionController, 'broker'>, store: Pick<ProfileStore, 'credentials'>): PassiveProbe {
  return async (queueKey) => {
    const cut = queueKey.indexOf('\u0000');
    const vhost = queueKey.slice(0, cut);
    const name = queueKey.slice(cut + 1);
    const broker = session.broker();
    const probe = await openProbeChannel(broker.amqp, await store.credentials(broker.profileId), vhost);
    try {
      const ok = await probe.channel.checkQueue(name);
      return { ready: ok.messageCount, consumers: ok.consumerCount };
    } finally {
      await probe.release();
    }
  };
}
