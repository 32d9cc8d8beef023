import amqp from 'amqplib';
import type { ConnectionCheck } from '../../../shared/model/profile.js';
import { vhostOfAmqpUri } from '../../../shared/model/profile.js';
import { closeQuietly } from '../amqp/close-quietly.js';
import { type AmqpEndpoint, amqpConnectArgs, hostPort } from '../amqp/connect-args.js';
import { failed, passed } from './check-result.js';
import { diagnoseAmqpError } from '../diagnosis/amqp-diagnosis.js';

/** Opens and closes one AMQP connection; never leaves a connection or a rejection behind. */
export async function checkAmqp(endpoint: AmqpEndpoint, timeoutMs: number): Promise<ConnectionCheck> {
  const started = Date.now();
  const where = hostPort(endpoint.amqpUri);
  const ctx = { where, vhost: vhostOfAmqpUri(endpoint.amqpUri), username: endpoint.username };
  const [connect, socket] = amqpConnectArgs(endpoint, { timeoutMs, heartbeatS: 0, connectionName: 'Warren connection test' });
  const attempt = amqp.connect(connect, socket);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
  });
  try {
    const connection = await Promise.race([attempt, deadline]);
    connection.on('error', () => undefined);
    const props = connection.connection.serverProperties;
    const detail = [props.product, props.version, props.cluster_name ? `cluster ${String(props.cluster_name)}` : null].filter(Boolean).join(' ');
    await closeQuietly(connection);
    return passed(detail || where, Date.now() - started);
  } catch (err) {
    // A connection that opens after the deadline is closed at once.
    attempt.then((late) => closeQuietly(late), () => undefined);
    return failed(diagnoseAmqpError(err, ctx), Date.now() - started);
  } finally {
    clearTimeout(timer);
  }
}
