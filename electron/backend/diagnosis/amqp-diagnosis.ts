import type { Diagnosis } from './diagnosis.js';
import { diagnoseSocketError } from './socket-diagnosis.js';

/**
 * Why an AMQP connection attempt failed. amqplib reports the broker's
 * refusal as text: "403 (ACCESS-REFUSED)" for a bad login, and a bare
 * ConnectionClose in answer to connection.open when the vhost is missing or
 * not permitted (RabbitMQ's 530 NOT_ALLOWED).
 */
export function diagnoseAmqpError(err: unknown, ctx: { where: string; vhost: string; username: string }): Diagnosis {
  const message = err instanceof Error ? err.message : String(err);
  if (/ACCESS.REFUSED|\b403\b/.test(message)) {
    return {
      code: 'auth',
      message: `The broker refused the login of user "${ctx.username}": wrong user name or password.`,
      hint: 'The built-in guest user can only log in from localhost; on a remote broker use another user.',
    };
  }
  if (/NOT.ALLOWED|\b530\b|Expected ConnectionOpenOk/.test(message)) {
    return {
      code: 'vhost',
      message: `The vhost "${ctx.vhost}" does not exist or user "${ctx.username}" has no permission on it.`,
      hint: `Create it (rabbitmqctl add_vhost ${ctx.vhost}) or grant access (rabbitmqctl set_permissions -p ${ctx.vhost} ${ctx.username} ".*" ".*" ".*").`,
    };
  }
  const socket = diagnoseSocketError(err, ctx.where, 5671);
  if (socket) {
    if (socket.code === 'timeout') {
      return { ...socket, message: `No AMQP answer from ${ctx.where} in time.`, hint: 'Check the port: AMQP is usually 5672 (5671 with TLS), not the management port.' };
    }
    return socket;
  }
  if (/Socket closed abruptly|Unexpected close|Frame|frame/i.test(message)) {
    return {
      code: 'protocol',
      message: `${ctx.where} answered, but not as an AMQP 0-9-1 broker.`,
      hint: 'Check the port: AMQP is usually 5672 (5671 with TLS).',
    };
  }
  return { code: 'unknown', message: `AMQP connection to ${ctx.where} failed: ${message}` };
}
