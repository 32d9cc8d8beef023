import { HttpRequestError } from '../management/http-request.js';
import type { Diagnosis } from './diagnosis.js';
import { diagnoseSocketError } from './socket-diagnosis.js';

export const ENABLE_MANAGEMENT = 'rabbitmq-plugins enable rabbitmq_management';

/** Why a management API request failed, for the connection test. */
export function diagnoseHttpError(err: unknown, ctx: { baseUrl: string; username: string }): Diagnosis {
  const url = new URL(ctx.baseUrl);
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  if (err instanceof HttpRequestError) {
    if (err.status === 401) {
      if (/not.management.user|Not management user/i.test(err.body ?? '')) {
        return {
          code: 'auth',
          message: `User "${ctx.username}" may not use the management API.`,
          hint: `Give it the monitoring tag: rabbitmqctl set_user_tags ${ctx.username} monitoring`,
        };
      }
      return { code: 'auth', message: `The management API refused the login of user "${ctx.username}" (HTTP 401): wrong user name or password.` };
    }
    if (err.status === 403) return { code: 'auth', message: `User "${ctx.username}" is not allowed to read ${err.url} (HTTP 403).` };
    if (err.status === 404) {
      return {
        code: 'management_disabled',
        message: `${ctx.baseUrl} answers HTTP but serves no RabbitMQ management API (HTTP 404).`,
        hint: `Check the management URL (port 15672 by default, plus any path prefix), and enable the plugin: ${ENABLE_MANAGEMENT}`,
      };
    }
    if (err.status !== null) return { code: 'protocol', message: `The management API answered HTTP ${err.status} at ${err.url}.` };
    if (err.timedOut) return { code: 'timeout', message: `No answer from the management API at ${where} in time.` };
  }
  return diagnoseSocketError(err, where, 15671) ?? { code: 'unknown', message: `Management API request to ${where} failed: ${err instanceof Error ? err.message : String(err)}` };
}

/** AMQP works but nothing listens on the management port: said as such, instead of a bare "refused". */
export function managementProbablyDisabled(baseUrl: string): Diagnosis {
  return {
    code: 'management_disabled',
    message: `AMQP works, but nothing listens at ${baseUrl}: the management plugin is probably not enabled.`,
    hint: `Enable it on the broker: ${ENABLE_MANAGEMENT} (or correct the management URL if it listens elsewhere).`,
  };
}
