// Warren's own endpoint, not RabbitMQ's: the first messages of a queue read
// without any side effect, for the console's queue browser. RabbitMQ can only
// get and requeue (which sets redelivered, may reorder and moves counters);
// here the queue is left exactly as it was. The answer's items have the shape
// of POST …/get's, so a client reads both alike.
import { resourceName } from '../errors.js';
import { requireVhostAccess } from './auth.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { API_OWNER, channelError, messageView, queueOr404, vhostOr404 } from './operations.js';
import { route, type Context, type Reply, type Route } from './router.js';

/** A browse reads at most this many messages at once: the answer is one JSON document. */
export const MAX_PEEK_COUNT = 10_000;

function countOf(query: URLSearchParams): number {
  const raw = query.get('count');
  const count = raw === null ? Number.NaN : Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > MAX_PEEK_COUNT) throw badRequest(`count must be an integer from 0 to ${MAX_PEEK_COUNT}`);
  return count;
}

function encodingOf(query: URLSearchParams): 'auto' | 'base64' {
  const encoding = query.get('encoding') ?? 'auto';
  if (encoding !== 'auto' && encoding !== 'base64') throw badRequest('Unsupported encoding. Please use auto or base64.');
  return encoding;
}

function truncateOf(query: URLSearchParams): number | undefined {
  const raw = query.get('truncate');
  if (raw === null || raw === '') return undefined;
  const truncate = Number(raw);
  if (!Number.isInteger(truncate) || truncate < 0) throw badRequest('truncate must be a non-negative integer');
  return truncate;
}

function peek(ctx: Context): Reply {
  const vhost = ctx.params.vhost!;
  const name = ctx.params.name!;
  if (!ctx.state.registry.hasVhost(vhost)) throw notFound();
  requireVhostAccess(ctx.state.registry, ctx.user, vhost);
  const v = vhostOr404(ctx.state, vhost);
  const q = queueOr404(v, name);
  if (!ctx.state.server.access.checkResource({ username: ctx.user.name, tags: ctx.user.tags }, v.name, { kind: 'queue', name }, 'read')) {
    throw new HttpError(403, 'access_refused', `access to ${resourceName('queue', name, v.name)} refused for user '${ctx.user.name}'`);
  }
  try {
    v.checkExclusiveAccess(q, API_OWNER);
  } catch (err) {
    channelError(err);
  }
  const count = countOf(ctx.query);
  const encoding = encodingOf(ctx.query);
  const truncate = truncateOf(ctx.query);
  const depth = q.messageCount;
  const body = q.peek(count, Date.now()).map(({ message, redelivered }) => messageView(message, redelivered, depth, encoding, truncate));
  return { status: 200, body };
}

/** GET /api/queues/{vhost}/{name}/peek?count=N[&encoding=auto|base64][&truncate=B]: needs read permission on the queue. */
export function peekRoute(): Route {
  return route('/api/queues/:vhost/:name/peek', { GET: peek });
}
