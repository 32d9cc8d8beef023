import { z } from 'zod';
import type { ConnectionCheck } from '../../../shared/model/profile.js';
import { type HttpTarget, HttpRequestError, getJson } from '../management/http-request.js';
import { RawOverview, RawPermission, RawVhost, RawWhoami } from '../management/raw-schemas.js';
import { failed, passed } from './check-result.js';
import { diagnoseHttpError } from '../diagnosis/http-diagnosis.js';

const isNotFound = (err: unknown) => err instanceof HttpRequestError && err.status === 404;

/** The user's tags, or null from a broker without /api/whoami (a management subset). */
async function whoami(target: HttpTarget): Promise<{ name: string; tags: string[] } | null> {
  try {
    const who = RawWhoami.parse(await getJson(target, 'api/whoami'));
    return { name: who.name, tags: Array.isArray(who.tags) ? who.tags : (who.tags ?? '').split(',').filter(Boolean) };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/**
 * The management API half of a connection test: the API answers (overview),
 * the login works, the vhost exists and the user may use it. Listings rather
 * than single-object paths, so a broker serving a subset of the API answers too.
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
    const user = await whoami(target);

    // Non-administrators only see the vhosts they have permissions on.
    const vhosts = z.array(RawVhost).parse(await getJson(target, 'api/vhosts', { columns: 'name' }));
    if (!vhosts.some((v) => v.name === vhost)) {
      return failed(
        {
          code: 'vhost',
          message: `The vhost "${vhost}" does not exist, or user "${target.username}" has no permission on it.`,
          hint: `Create it (rabbitmqctl add_vhost ${vhost}) or grant access (rabbitmqctl set_permissions -p ${vhost} ${target.username} ".*" ".*" ".*").`,
        },
        elapsed(),
      );
    }
    // Administrators see every vhost, so for them the permissions decide.
    if (user?.tags.includes('administrator')) {
      const permissions = z.array(RawPermission).parse(await getJson(target, 'api/permissions'));
      if (!permissions.some((p) => p.vhost === vhost && p.user === target.username)) {
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
    const who = user ? `, user ${user.name}${user.tags.length ? ` [${user.tags.join(', ')}]` : ''}` : '';
    const detail = `${o.product_name ?? 'RabbitMQ'} ${o.product_version ?? o.rabbitmq_version ?? ''} (management ${o.management_version ?? '?'})${who}`;
    return passed(detail.replace(/\s+/g, ' '), elapsed());
  } catch (err) {
    return failed(diagnoseHttpError(err, ctx), elapsed());
  }
}
