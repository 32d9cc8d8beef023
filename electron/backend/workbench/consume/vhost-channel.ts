import type { ConfirmChannel } from 'amqplib';
import { openProbeChannel } from '../../route/probe-channel.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { brokerWords } from './broker-words.js';

export interface VhostChannel {
  channel: ConfirmChannel;
  profileId: string;
  /** The broker's words when it closed the channel (404 NOT_FOUND …), null until then. */
  closedWith(): string | null;
  release(): Promise<void>;
}

/**
 * A confirm channel into `vhost` of the connected profile: on the session's connection when
 * that is the vhost, on a connection of its own otherwise. It always has an 'error'
 * listener (amqplib throws from the socket handler without one), which keeps the broker's words.
 */
export async function openVhostChannel(deps: Pick<WorkbenchDeps, 'session' | 'store'>, vhost: string, purpose: string): Promise<VhostChannel> {
  const broker = deps.session.broker();
  const probe = await openProbeChannel(broker.amqp, await deps.store.credentials(broker.profileId), vhost, purpose);
  let closed: string | null = null;
  probe.channel.on('error', (err: Error) => {
    closed = brokerWords(err);
  });
  return { channel: probe.channel, profileId: broker.profileId, closedWith: () => closed, release: probe.release };
}

/**
 * Whether a queue or exchange exists, asked on a throwaway channel (a missing one closes it):
 * null when it does, the broker's words when not.
 */
export async function missing(deps: Pick<WorkbenchDeps, 'session' | 'store'>, vhost: string, what: { queue: string } | { exchange: string }): Promise<string | null> {
  // The default exchange always exists, and RabbitMQ refuses to have it declared, even passively.
  if ('exchange' in what && what.exchange === '') return null;
  const probe = await openVhostChannel(deps, vhost, 'workbench check');
  try {
    if ('queue' in what) await probe.channel.checkQueue(what.queue);
    else await probe.channel.checkExchange(what.exchange);
    return null;
  } catch (err) {
    return probe.closedWith() ?? brokerWords(err);
  } finally {
    await probe.release();
  }
}
