import amqp, { type ChannelModel } from 'amqplib';
import { amqpConnectArgs, hostPort } from '../amqp/connect-args.js';
import { diagnoseAmqpError } from '../diagnosis/amqp-diagnosis.js';
import type { ProfileCredentials } from '../profiles/profile-store.js';
import { scrubSecret, secretOf } from '../scrub-secret.js';
import { loadTlsMaterial } from '../tls/tls-material.js';
import { brokerWords } from '../workbench/consume/broker-words.js';

/**
 * A connection of the scenario's own into `vhost` with the profile's credentials, named so the
 * Connections view says what it is. A refusal comes back in the broker's words when it gave
 * any (530 NOT_ALLOWED - access to vhost …), otherwise as the console's diagnosis.
 */
export async function openScenarioConnection(credentials: ProfileCredentials, vhost: string, title: string): Promise<ChannelModel> {
  const endpoint = { amqpUri: credentials.amqpUri, username: credentials.username, password: credentials.password, tls: await loadTlsMaterial(credentials.tls) };
  const [args, socket] = amqpConnectArgs(endpoint, { timeoutMs: 10_000, heartbeatS: 30, connectionName: `Warren scenario: ${title}` });
  // amqplib unescapes the vhost of the object form, as amqpConnectArgs notes.
  args.vhost = encodeURIComponent(vhost);
  try {
    return await amqp.connect(args, socket);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const words = brokerWords(err);
    const secret = secretOf(credentials);
    if (words !== message) throw new Error(scrubSecret(words, secret));
    const d = diagnoseAmqpError(err, { where: hostPort(credentials.amqpUri), vhost, username: credentials.username });
    throw new Error(scrubSecret(d.hint ? `${d.message} ${d.hint}` : d.message, secret));
  }
}
