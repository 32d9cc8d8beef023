import type { ConnectionCheck } from '../../../shared/model/profile.js';
import { type HttpTarget, HttpRequestError, getJson } from '../management/http-request.js';
import { vhostPath } from '../management/management-client.js';
import { RawOverview, RawWhoami } from '../management/raw-schemas.js';
import { failed, passed } from './check-result.js';
import { diagnoseHttpError } from './http-diagnosis.js';

const isNotFound = (err: unknown) => err instanceof HttpRequestError && err.status === 404;

/**
 * The management API half of a connection test: the API answers (overview),
 * the login works (whoami), the vhost exists and the user may use it.
 */
export async function checkHttp(target: HttpTarget, vhost: string): Promise<ConnectionCheck> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  const ctx = { baseUrl: target.baseUrl, username: target.username };
  try {
    const overview = RawOverview.safeParse(await getJson(target, 'api/overview'));
    if (!overview.success || (!overview.data.product_version && !overview.data.rabbitmq_version && !overview.data.management_version)) {
      return failed({ code: 'protocol', message: `${target.baseUrl} answers, but not as a RabbitMQ management API.`, hint: 'Check the management URL.' }, elapsed());
    }
    const whoami = RawWhoami.parse(await getJson(target, 'api/whoami'));
    const tags = Array.isArray(whoami.tags) ? whoami.tags : (whoami.tags ?? '').split(',');

    try {
      await getJson(target, vhostPath('api/vhosts', vhost));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      // Non-administrators only see the vhosts they have permissions on.
      return failed(
        {
          code: 'vhost',
          message: `The vhost "${vhost}" does not exist, or user "${target.username}" has no permission on it.`,
          hint: `Create it (rabbitmqctl add_vhost ${vhost}) or grant access (rabbitmqctl set_permissions -p ${vhost} ${target.username} ".*" ".*" ".*").`,
        },
        elapsed(),
      );
    }
    if (tags.includes('administrator')) {
      try {
        await getJson(target, vhostPath('api/permissions', vhost, target.username));
      } catch (err) {
        if (!isNotFound(err)) throw err;
        return failed(
          {
            code: 'vhost',
            message: `User "${target.username}" has no permissions on vhost "${vhost}".`,
            hint: `Grant them: rabbitmqctl set_permissions -p ${vhost} ${target.username} ".*" ".*" ".*"`,
          },
          elapsed(),
        );
      }
    }
    const o = overview.data;
    const detail = `${o.product_name ?? 'RabbitMQ'} ${o.product_version ?? o.rabbitmq_version ?? ''} (management ${o.management_version ?? '?'}), user ${whoami.name}${tags.length ? ` [${tags.join(', ')}]` : ''}`;
    return passed(detail.replace(/\s+/g, ' '), elapsed());
  } catch (err) {
    return failed(diagnoseHttpError(err, ctx), elapsed());
  }
}
