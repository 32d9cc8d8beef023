import amqp, { type ConfirmChannel } from 'amqplib';
import { ApiError } from '../../../shared/api/errors.js';
import { vhostOfAmqpUri } from '../../../shared/model/profile.js';
import type { AmqpSession } from '../amqp/amqp-session.js';
import { closeQuietly } from '../amqp/close-quietly.js';
import { amqpConnectArgs, hostPort } from '../amqp/connect-args.js';
import { diagnoseAmqpError } from '../diagnosis/amqp-diagnosis.js';
import type { ProfileCredentials } from '../profiles/profile-store.js';
import { scrubSecret, secretOf } from '../scrub-secret.js';
import { loadTlsMaterial } from '../tls/tls-material.js';

export interface ProbeChannel {
  channel: ConfirmChannel;
  /** Closes the channel, and the connection when it was opened for this probe only. */
  release(): Promise<void>;
}

/** The profile's AMQP URI pointed at another vhost (the path is the vhost, percent-encoded). */
function uriForVhost(amqpUri: string, vhost: string): string {
  const url = new URL(amqpUri);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

async function closeChannel(channel: ConfirmChannel): Promise<void> {
  // A channel the broker closed (a refused probe) throws on close: nothing left to do then.
  await channel.close().catch(() => undefined);
}

/**
 * A confirm channel into `vhost`: on the session's own connection when it is
 * connected to that vhost, otherwise on a short-lived connection with the
 * profile's credentials (a connection is bound to one vhost). Errors name
 * the broker and vhost, never the password.
 */
export async function openProbeChannel(session: AmqpSession, credentials: ProfileCredentials, vhost: string, purpose = 'route probe'): Promise<ProbeChannel> {
  if (vhostOfAmqpUri(credentials.amqpUri) === vhost) {
    let channel: ConfirmChannel;
    try {
      channel = await session.openConfirmChannel(purpose);
    } catch (err) {
      throw new ApiError('broker', err instanceof Error ? err.message : String(err));
    }
    return { channel, release: () => closeChannel(channel) };
  }
  const amqpUri = uriForVhost(credentials.amqpUri, vhost);
  const endpoint = { amqpUri, username: credentials.username, password: credentials.password, tls: await loadTlsMaterial(credentials.tls) };
  const secret = secretOf(credentials);
  let connection: amqp.ChannelModel;
  try {
    connection = await amqp.connect(...amqpConnectArgs(endpoint, { timeoutMs: 10_000, heartbeatS: 30, connectionName: `Warren ${purpose}` }));
  } catch (err) {
    const d = diagnoseAmqpError(err, { where: hostPort(amqpUri), vhost, username: credentials.username });
    throw new ApiError('broker', scrubSecret(d.hint ? `${d.message} ${d.hint}` : d.message, secret));
  }
  // Connection-level errors also close it; the probe sees the closed channel and reports that.
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createConfirmChannel();
    return {
      channel,
      release: async () => {
        await closeChannel(channel);
        await closeQuietly(connection);
      },
    };
  } catch (err) {
    await closeQuietly(connection);
    throw new ApiError('broker', scrubSecret(err instanceof Error ? err.message : String(err), secret));
  }
}
