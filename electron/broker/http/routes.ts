// The management API's paths (rabbit_mgmt_dispatcher), each with the methods
// it allows. Listings honour columns, sort, sort_reverse, name/use_regex and
// page/page_size, and the *_age/*_incr sample ranges.
import os from 'node:os';
import { hashPassword, isHashingAlgorithm, type User } from '../auth/index.js';
import type { Channel } from '../channel.js';
import type { Connection } from '../connection.js';
import { ReplyCode } from '../errors.js';
import { countersOf } from '../stats/message-stats.js';
import { sumDetails, type SampleRange } from '../stats/samples.js';
import { policyProblems, type ApplyTo } from '../policy/policies.js';
import { canSeeVhost, isAdmin, isMonitor, isPolicymaker, requireTags, requireVhostAccess } from './auth.js';
import { badRequest, DefinitionsRefused, HttpError, notAuthorised, notFound } from './errors.js';
import { listing, pickColumns, type Row } from './listing.js';
import * as op from './operations.js';
import { peekRoute } from './peek.js';
import { route, type Context, type Reply, type Route } from './router.js';
import { exportDefinitions, exportVhostDefinitions } from '../definitions/export.js';
import { applyDefinitions, validateDefinitions } from '../definitions/import.js';
import { WARREN_VERSION } from '../product-version.js';
import {
  BROKER_VERSION, EXCHANGE_TYPES, bindingView, channelView, connectionName, connectionView, consumerView, exchangeView,
  queueNumbers, queueView, rangesFrom, unackedBytesByQueue, vhostBindings, vhostSampleKey, vhostView, type Ranges,
} from './views.js';

const ok = (body: unknown): Reply => ({ status: 200, body });
const created = (isNew: boolean): Reply => ({ status: isNew ? 201 : 204 });
const noContent: Reply = { status: 204 };

function list(ctx: Context, rows: readonly object[], defaultSort?: readonly string[]): Reply {
  return ok(listing(rows as Row[], ctx.query, defaultSort));
}

function single(ctx: Context, row: Row): Reply {
  return ok(pickColumns(row, ctx.query.get('columns')));
}

/** The vhosts the user may see, or just the one named in the path (404 if absent, 401 if not permitted). */
function vhostsFor(ctx: Context): string[] {
  const named = ctx.params.vhost;
  if (named !== undefined) {
    if (!ctx.state.registry.hasVhost(named)) throw notFound();
    requireVhostAccess(ctx.state.registry, ctx.user, named);
    return [named];
  }
  return ctx.state.registry.vhosts().filter((v) => canSeeVhost(ctx.state.registry, ctx.user, v));
}

/** For PUT of queues and exchanges RabbitMQ names the missing vhost in its 404. */
function vhostsForWrite(ctx: Context): string[] {
  if (!ctx.state.registry.hasVhost(ctx.params.vhost!)) throw new HttpError(404, 'not_found', 'vhost_not_found');
  return vhostsFor(ctx);
}

function queueRows(ctx: Context, ranges: Ranges): Row[] {
  const unacked = unackedBytesByQueue(ctx.state);
  return vhostsFor(ctx).flatMap((name) => {
    const v = ctx.state.server.vhost(name);
    return v ? [...v.queues.values()].map((q) => queueView(ctx.state, q, ranges, unacked)) : [];
  });
}

function exchangeRows(ctx: Context, ranges: Ranges): Row[] {
  return vhostsFor(ctx).flatMap((name) => {
    const v = ctx.state.server.vhost(name);
    return v ? [...v.exchanges.values()].map((x) => exchangeView(ctx.state, v, x, ranges)) : [];
  });
}

function bindingRows(ctx: Context): Row[] {
  return vhostsFor(ctx).flatMap((name) => {
    const v = ctx.state.server.vhost(name);
    return v ? vhostBindings(v).map((b) => bindingView(name, b)) : [];
  });
}

/** Open connections the user may see: monitors see all, others their own. */
function visibleConnections(ctx: Context, vhost?: string): Connection[] {
  if (vhost !== undefined) {
    if (!ctx.state.registry.hasVhost(vhost)) throw notFound();
    requireVhostAccess(ctx.state.registry, ctx.user, vhost);
  }
  return [...ctx.state.server.connections].filter((c) => {
    const info = c.info();
    if (info.state !== 'open') return false;
    if (vhost !== undefined && info.vhost !== vhost) return false;
    return isMonitor(ctx.user) || info.user === ctx.user.name;
  });
}

function channelsOf(conns: Connection[]): [Connection, Channel][] {
  return conns.flatMap((c) => c.info().channels.map((ch) => [c, ch] as [Connection, Channel]));
}

function userView(u: User): Row {
  return { name: u.name, password_hash: u.passwordHash, hashing_algorithm: u.hashingAlgorithm, tags: [...u.tags], limits: {} };
}

function tagsFrom(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String).map((t) => t.trim()).filter((t) => t !== '');
  if (typeof v === 'string') return v.split(',').map((t) => t.trim()).filter((t) => t !== '');
  throw badRequest('tags_not_present');
}

function policyView(p: { vhost: string; name: string; pattern: string; applyTo: ApplyTo; priority: number; definition: Readonly<Record<string, unknown>> }): Row {
  return { vhost: p.vhost, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: { ...p.definition }, priority: p.priority };
}

function binding(ctx: Context): op.BindingTarget {
  return { source: ctx.params.source!, destination: ctx.params.destination!, destinationType: ctx.params.dtype === 'q' ? 'queue' : 'exchange' };
}

function requireAdmin(ctx: Context): void {
  requireTags(ctx.user, 'administrator');
}

function overview(ctx: Context): Row {
  const s = ctx.state;
  const ranges = rangesFrom(ctx.query);
  const vhosts = vhostsFor(ctx);
  const unacked = unackedBytesByQueue(s);
  let queues = 0;
  let exchanges = 0;
  let messages = 0;
  let ready = 0;
  let unackedCount = 0;
  const totals: Record<string, number> = {};
  for (const name of vhosts) {
    const v = s.server.vhost(name);
    if (!v) continue;
    queues += v.queues.size;
    exchanges += v.exchanges.size;
    for (const q of v.queues.values()) {
      const n = queueNumbers(q, unacked);
      messages += n.messages;
      ready += n.messages_ready;
      unackedCount += n.messages_unacknowledged;
    }
    for (const [k, val] of Object.entries(countersOf(v))) totals[k] = (totals[k] ?? 0) + val;
  }
  const conns = visibleConnections(ctx);
  const channels = channelsOf(conns);
  // Broker-wide samples for users who see every vhost; otherwise the sum over their vhosts' samples.
  const everything = vhosts.length === s.registry.vhosts().length;
  const counterKeys = everything ? [overviewSampleKey(s)] : vhosts.map((n) => s.server.vhosts.get(n)).filter((v) => v !== undefined);
  const lengthKeys = everything ? [overviewSampleKey(s)] : vhosts.map((n) => vhostSampleKey(s, n));
  const details = (keys: object[], k: string, range: SampleRange | undefined) => sumDetails(keys.map((o) => s.sampler.details(o, k, range)));
  const messageStats: Row = {};
  for (const k of Object.keys(totals).sort()) {
    messageStats[k] = totals[k];
    messageStats[`${k}_details`] = details(counterKeys, k, ranges.msgRates);
  }
  return {
    management_version: BROKER_VERSION,
    rates_mode: 'basic',
    sample_retention_policies: { global: [600], basic: [600], detailed: [600] },
    exchange_types: EXCHANGE_TYPES,
    product_version: WARREN_VERSION,
    product_name: 'Warren',
    // Not a RabbitMQ field: with no Erlang to report (erlang_version), what this broker runs on instead.
    runtime: `Node.js ${process.version}`,
    rabbitmq_version: BROKER_VERSION,
    cluster_name: s.node,
    disable_stats: false,
    enable_queue_totals: false,
    message_stats: messageStats,
    queue_totals: {
      messages,
      messages_details: details(lengthKeys, 'messages', ranges.lengths),
      messages_ready: ready,
      messages_ready_details: details(lengthKeys, 'messages_ready', ranges.lengths),
      messages_unacknowledged: unackedCount,
      messages_unacknowledged_details: details(lengthKeys, 'messages_unacknowledged', ranges.lengths),
    },
    object_totals: {
      channels: channels.length,
      connections: conns.length,
      consumers: channels.reduce((n, [, ch]) => n + ch.info().consumers.length, 0),
      exchanges,
      queues,
    },
    node: s.node,
    listeners: s.listeners.map((l) => ({ node: s.node, protocol: l.protocol, ip_address: l.ip_address, port: l.port })),
    contexts: s.listeners.filter((l) => l.protocol === 'http').map((l) => ({
      node: s.node, description: 'RabbitMQ Management', path: '/', ip: l.ip_address, port: String(l.port),
    })),
  };
}

const overviewKeys = new WeakMap<object, object>();
/** The sampler's key for broker-wide totals. */
export function overviewSampleKey(state: object): object {
  let k = overviewKeys.get(state);
  if (!k) {
    k = { overview: true };
    overviewKeys.set(state, k);
  }
  return k;
}

/** The memory and disk monitors' figures and alarms, under RabbitMQ's /api/nodes names. */
function resourceFields(s: Context['state']): Row {
  const r = s.server.resources?.status();
  if (!r) return { mem_used: process.memoryUsage.rss() };
  return {
    mem_used: r.memUsed, mem_limit: r.memLimit, mem_alarm: r.memAlarm,
    disk_free: r.diskFree, disk_free_limit: r.diskFreeLimit, disk_free_alarm: r.diskFreeAlarm,
  };
}

/**
 * rabbit_mgmt_wm_health_check_alarms (and _local_alarms, the same on a single node):
 * 200 without alarms, otherwise 503 naming each alarm's resource as RabbitMQ does.
 */
function alarmsCheck(ctx: Context, where: 'in the cluster' | 'on the node'): Reply {
  const alarms = ctx.state.server.alarms;
  if (alarms.size === 0) return ok({ status: 'ok' });
  const resources = [...(alarms.has('disk') ? ['disk space'] : []), ...(alarms.has('memory') ? ['memory'] : [])];
  return {
    status: 503,
    body: { status: 'failed', reason: `There are alarms in effect ${where}`, alarms: resources.map((resource) => ({ node: ctx.state.node, resource })) },
  };
}

function nodeView(ctx: Context): Row {
  const s = ctx.state;
  return {
    name: s.node,
    type: 'disc',
    running: true,
    os_pid: String(process.pid),
    ...resourceFields(s),
    mem_used_details: s.sampler.details(overviewSampleKey(s), 'mem_used'),
    uptime: Date.now() - s.startedAt,
    processors: os.cpus().length,
    rates_mode: 'basic',
    exchange_types: EXCHANGE_TYPES,
    auth_mechanisms: [
      { name: 'AMQPLAIN', description: 'QPid AMQPLAIN mechanism', enabled: true },
      { name: 'PLAIN', description: 'SASL PLAIN authentication mechanism', enabled: true },
    ],
    partitions: [],
    cluster_links: [],
    sockets_used: s.server.connections.size,
    sockets_used_details: s.sampler.details(overviewSampleKey(s), 'sockets_used'),
  };
}

export function routes(): Route[] {
  return [
    route('/api/overview', { GET: (ctx) => single(ctx, overview(ctx)) }),
    // Health checks: the node answers; a vhost can declare, publish and get (rabbit_mgmt_wm_aliveness_test).
    route('/api/healthchecks/node', { GET: () => ok({ status: 'ok' }) }),
    route('/api/health/checks/alarms', { GET: (ctx) => alarmsCheck(ctx, 'in the cluster') }),
    route('/api/health/checks/local-alarms', { GET: (ctx) => alarmsCheck(ctx, 'on the node') }),
    route('/api/aliveness-test/:vhost', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        return ok({ status: op.alivenessTest(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!)) ? 'ok' : 'failed' });
      },
    }),
    route('/api/whoami', { GET: (ctx) => ok({ name: ctx.user.name, tags: [...ctx.user.tags] }) }),
    route('/api/nodes', {
      GET: (ctx) => {
        requireTags(ctx.user, 'monitoring');
        return list(ctx, [nodeView(ctx)], ['name']);
      },
    }),
    route('/api/nodes/:node', {
      GET: (ctx) => {
        requireTags(ctx.user, 'monitoring');
        if (ctx.params.node !== ctx.state.node) throw notFound();
        return single(ctx, nodeView(ctx));
      },
    }),

    // vhosts
    route('/api/vhosts', {
      GET: (ctx) => {
        const ranges = rangesFrom(ctx.query);
        const unacked = unackedBytesByQueue(ctx.state);
        return list(ctx, vhostsFor(ctx).map((v) => vhostView(ctx.state, v, ranges, unacked)), ['name']);
      },
    }),
    route('/api/vhosts/:vhost', {
      GET: (ctx) => {
        const [name] = vhostsFor(ctx);
        return single(ctx, vhostView(ctx.state, name!, rangesFrom(ctx.query), unackedBytesByQueue(ctx.state)));
      },
      PUT: (ctx) => {
        requireAdmin(ctx);
        const body = ctx.body();
        const name = ctx.params.vhost!;
        const description = body.description ?? '';
        if (typeof description !== 'string') throw badRequest('description must be a string');
        const tags = body.tags === undefined ? [] : tagsFrom(body.tags);
        const isNew = ctx.state.registry.addVhost(name);
        ctx.state.vhostMetadata.set(name, { description, tags });
        // As RabbitMQ's management plugin does, the user creating a vhost gets full permissions on it.
        if (isNew) ctx.state.registry.setPermissions(ctx.user.name, name, { configure: '.*', write: '.*', read: '.*' });
        return created(isNew);
      },
      DELETE: (ctx) => {
        requireAdmin(ctx);
        const name = ctx.params.vhost!;
        if (!ctx.state.registry.hasVhost(name)) throw notFound();
        deleteVhost(ctx, name);
        return noContent;
      },
    }),
    route('/api/vhosts/:vhost/permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.hasVhost(ctx.params.vhost!)) throw notFound();
        return list(ctx, ctx.state.registry.permissions().filter((p) => p.vhost === ctx.params.vhost), ['user']);
      },
    }),
    route('/api/vhosts/:vhost/topic-permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.hasVhost(ctx.params.vhost!)) throw notFound();
        return list(ctx, ctx.state.registry.topicPermissions().filter((p) => p.vhost === ctx.params.vhost), ['user']);
      },
    }),
    route('/api/vhosts/:vhost/connections', {
      GET: (ctx) => list(ctx, visibleConnections(ctx, ctx.params.vhost).map((c) => connectionView(ctx.state, c, rangesFrom(ctx.query))), ['name']),
    }),
    route('/api/vhosts/:vhost/channels', {
      GET: (ctx) => list(ctx, channelsOf(visibleConnections(ctx, ctx.params.vhost)).map(([c, ch]) => channelView(ctx.state, c, ch, rangesFrom(ctx.query))), ['name']),
    }),

    // users and permissions
    route('/api/users', {
      GET: (ctx) => {
        requireAdmin(ctx);
        return list(ctx, ctx.state.registry.users().map(userView), ['name']);
      },
    }),
    route('/api/users/without-permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        const withPerms = new Set(ctx.state.registry.permissions().map((p) => p.user));
        return list(ctx, ctx.state.registry.users().filter((u) => !withPerms.has(u.name)).map(userView), ['name']);
      },
    }),
    route('/api/users/:user', {
      GET: (ctx) => {
        requireAdmin(ctx);
        const u = ctx.state.registry.getUser(ctx.params.user!);
        if (!u) throw notFound();
        return single(ctx, userView(u));
      },
      PUT: (ctx) => {
        requireAdmin(ctx);
        const body = ctx.body();
        if (body.tags === undefined) throw badRequest('tags_not_present');
        const tags = tagsFrom(body.tags);
        const name = ctx.params.user!;
        const existing = ctx.state.registry.getUser(name);
        let passwordHash: string;
        let algorithm = existing?.hashingAlgorithm ?? 'rabbit_password_hashing_sha256';
        if (typeof body.password === 'string') {
          passwordHash = hashPassword(body.password, 'rabbit_password_hashing_sha256');
          algorithm = 'rabbit_password_hashing_sha256';
        } else if (typeof body.password_hash === 'string') {
          const alg = body.hashing_algorithm ?? 'rabbit_password_hashing_sha256';
          if (body.password_hash !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(body.password_hash)) {
            throw new HttpError(400, 'bad_request', ['not_base64', body.password_hash]);
          }
          // RabbitMQ stores any algorithm name (and then no password matches); refusing it up front is kinder.
          if (typeof alg !== 'string' || !isHashingAlgorithm(alg)) throw new HttpError(400, 'bad_request', ['unsupported_hashing_algorithm', String(alg)]);
          passwordHash = body.password_hash;
          algorithm = alg;
        } else {
          // As RabbitMQ: neither password nor hash leaves the user without a password (no password login).
          passwordHash = '';
        }
        ctx.state.registry.putUser({ name, passwordHash, hashingAlgorithm: algorithm, tags });
        return created(existing === undefined);
      },
      DELETE: (ctx) => {
        requireAdmin(ctx);
        const name = ctx.params.user!;
        if (!ctx.state.registry.deleteUser(name)) throw notFound();
        closeConnections(ctx, (info) => info.user === name, `user '${name}' is deleted`);
        return noContent;
      },
    }),
    route('/api/users/:user/permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.getUser(ctx.params.user!)) throw notFound();
        return list(ctx, ctx.state.registry.permissions().filter((p) => p.user === ctx.params.user), ['vhost']);
      },
    }),
    route('/api/users/:user/topic-permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.getUser(ctx.params.user!)) throw notFound();
        return list(ctx, ctx.state.registry.topicPermissions().filter((p) => p.user === ctx.params.user), ['vhost']);
      },
    }),
    route('/api/permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        return list(ctx, ctx.state.registry.permissions(), ['vhost', 'user']);
      },
    }),
    route('/api/permissions/:vhost/:user', {
      GET: (ctx) => {
        requireAdmin(ctx);
        const p = ctx.state.registry.getPermissions(ctx.params.user!, ctx.params.vhost!);
        if (!p) throw notFound();
        return single(ctx, { user: ctx.params.user, vhost: ctx.params.vhost, configure: p.configure, write: p.write, read: p.read });
      },
      PUT: (ctx) => {
        requireAdmin(ctx);
        const { vhost, user } = ctx.params as { vhost: string; user: string };
        const body = ctx.body();
        if (!ctx.state.registry.hasVhost(vhost) || !ctx.state.registry.getUser(user)) throw badRequest('vhost_or_user_not_found');
        const perms = { configure: '', write: '', read: '' };
        for (const k of ['configure', 'write', 'read'] as const) {
          const v = body[k];
          if (typeof v !== 'string') throw badRequest(`[{key_missing,${k}}]`);
          perms[k] = v;
        }
        for (const k of ['configure', 'write', 'read'] as const) {
          try {
            new RegExp(perms[k]);
          } catch (err) {
            throw badRequest(`invalid regular expression '${perms[k]}': ${(err as Error).message}`);
          }
        }
        const isNew = ctx.state.registry.getPermissions(user, vhost) === undefined;
        ctx.state.registry.setPermissions(user, vhost, perms);
        return created(isNew);
      },
      DELETE: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.clearPermissions(ctx.params.user!, ctx.params.vhost!)) throw notFound();
        return noContent;
      },
    }),
    route('/api/topic-permissions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        return list(ctx, ctx.state.registry.topicPermissions(), ['vhost', 'user']);
      },
    }),
    route('/api/topic-permissions/:vhost/:user', {
      GET: (ctx) => {
        requireAdmin(ctx);
        const rows = ctx.state.registry.topicPermissions().filter((p) => p.vhost === ctx.params.vhost && p.user === ctx.params.user);
        if (rows.length === 0) throw notFound();
        return list(ctx, rows, ['exchange']);
      },
      PUT: (ctx) => {
        requireAdmin(ctx);
        const { vhost, user } = ctx.params as { vhost: string; user: string };
        const body = ctx.body();
        if (!ctx.state.registry.hasVhost(vhost) || !ctx.state.registry.getUser(user)) throw badRequest('vhost_or_user_not_found');
        const p = { exchange: '', write: '', read: '' };
        for (const k of ['exchange', 'write', 'read'] as const) {
          const v = body[k];
          if (typeof v !== 'string') throw badRequest(`[{key_missing,${k}}]`);
          p[k] = v;
        }
        const isNew = ctx.state.registry.getTopicPermission(user, vhost, p.exchange) === undefined;
        try {
          ctx.state.registry.setTopicPermission(user, vhost, p);
        } catch (err) {
          throw badRequest((err as Error).message);
        }
        return created(isNew);
      },
      DELETE: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.clearTopicPermissions(ctx.params.user!, ctx.params.vhost!)) throw notFound();
        return noContent;
      },
    }),

    // connections, channels, consumers
    route('/api/connections', {
      GET: (ctx) => list(ctx, visibleConnections(ctx).map((c) => connectionView(ctx.state, c, rangesFrom(ctx.query))), ['name']),
    }),
    route('/api/connections/:name', {
      GET: (ctx) => single(ctx, connectionView(ctx.state, connectionByName(ctx), rangesFrom(ctx.query))),
      DELETE: (ctx) => {
        const conn = connectionByName(ctx);
        if (!isAdmin(ctx.user) && conn.info().user !== ctx.user.name) throw notFound();
        const reason = ctx.header('x-reason') ?? 'Closed via management plugin';
        conn.close(ReplyCode.connectionForced, `CONNECTION_FORCED - ${reason}`);
        return noContent;
      },
    }),
    route('/api/connections/:name/channels', {
      GET: (ctx) => list(ctx, channelsOf([connectionByName(ctx)]).map(([c, ch]) => channelView(ctx.state, c, ch, rangesFrom(ctx.query))), ['name']),
    }),
    route('/api/channels', {
      GET: (ctx) => list(ctx, channelsOf(visibleConnections(ctx)).map(([c, ch]) => channelView(ctx.state, c, ch, rangesFrom(ctx.query))), ['name']),
    }),
    route('/api/channels/:name', {
      GET: (ctx) => {
        const found = channelsOf(visibleConnections(ctx)).find(([c, ch]) => `${connectionName(c.info())} (${ch.id})` === ctx.params.name);
        if (!found) throw notFound();
        const row = channelView(ctx.state, found[0], found[1], rangesFrom(ctx.query));
        row.consumer_details = found[1].info().consumers.map((c) => consumerView(ctx.state, found[0], found[1], c));
        // Per-exchange and per-queue breakdowns exist only in RabbitMQ's "detailed" rates mode; this broker reports "basic".
        row.deliveries = [];
        row.publishes = [];
        return single(ctx, row);
      },
    }),
    route('/api/consumers', { GET: (ctx) => list(ctx, consumerRows(ctx), ['queue.vhost', 'queue.name', 'consumer_tag']) }),
    route('/api/consumers/:vhost', { GET: (ctx) => list(ctx, consumerRows(ctx, ctx.params.vhost), ['queue.vhost', 'queue.name', 'consumer_tag']) }),

    // exchanges
    route('/api/exchanges', { GET: (ctx) => list(ctx, exchangeRows(ctx, rangesFrom(ctx.query))) }),
    route('/api/exchanges/:vhost', { GET: (ctx) => list(ctx, exchangeRows(ctx, rangesFrom(ctx.query))) }),
    route('/api/exchanges/:vhost/:name', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const v = op.vhostOr404(ctx.state, vname!);
        const x = v.exchanges.get(op.exchangeParam(ctx.params.name!));
        if (!x) throw notFound();
        const row = exchangeView(ctx.state, v, x, rangesFrom(ctx.query));
        row.incoming = [];
        row.outgoing = [];
        return single(ctx, row);
      },
      PUT: (ctx) => {
        const [vname] = vhostsForWrite(ctx);
        return created(op.declareExchange(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), ctx.params.name!, ctx.body()));
      },
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        op.deleteExchange(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), op.exchangeParam(ctx.params.name!), ctx.query.get('if-unused') === 'true');
        return noContent;
      },
    }),
    route('/api/exchanges/:vhost/:name/bindings/source', {
      GET: (ctx) => list(ctx, exchangeBindings(ctx, 'source'), ['source', 'destination', 'routing_key']),
    }),
    route('/api/exchanges/:vhost/:name/bindings/destination', {
      GET: (ctx) => list(ctx, exchangeBindings(ctx, 'destination'), ['source', 'destination', 'routing_key']),
    }),
    route('/api/exchanges/:vhost/:name/publish', {
      POST: (ctx) => {
        const [vname] = vhostsFor(ctx);
        return ok({ routed: op.publish(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), op.exchangeParam(ctx.params.name!), ctx.body()) });
      },
    }),

    // queues
    route('/api/queues', { GET: (ctx) => list(ctx, queueRows(ctx, rangesFrom(ctx.query))) }),
    route('/api/queues/:vhost', { GET: (ctx) => list(ctx, queueRows(ctx, rangesFrom(ctx.query))) }),
    route('/api/queues/:vhost/:name', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const v = op.vhostOr404(ctx.state, vname!);
        const q = op.queueOr404(v, ctx.params.name!);
        const row = queueView(ctx.state, q, rangesFrom(ctx.query), unackedBytesByQueue(ctx.state));
        row.consumer_details = consumerRows(ctx, vname).filter((c) => (c.queue as Row).name === q.name);
        row.deliveries = [];
        row.incoming = [];
        return single(ctx, row);
      },
      PUT: (ctx) => {
        const [vname] = vhostsForWrite(ctx);
        return created(op.declareQueue(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), ctx.params.name!, ctx.body()));
      },
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        op.deleteQueue(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), ctx.params.name!,
          ctx.query.get('if-unused') === 'true', ctx.query.get('if-empty') === 'true');
        return noContent;
      },
    }),
    route('/api/queues/:vhost/:name/bindings', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const v = op.vhostOr404(ctx.state, vname!);
        op.queueOr404(v, ctx.params.name!);
        const rows = vhostBindings(v).filter((b) => b.destinationType === 'queue' && b.destination === ctx.params.name).map((b) => bindingView(v.name, b));
        return list(ctx, rows, []);
      },
    }),
    route('/api/queues/:vhost/:name/contents', {
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        op.purgeQueue(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), ctx.params.name!);
        return noContent;
      },
    }),
    peekRoute(),
    route('/api/queues/:vhost/:name/get', {
      POST: (ctx) => {
        const [vname] = vhostsFor(ctx);
        return ok(op.getMessages(ctx.state, ctx.user, op.vhostOr404(ctx.state, vname!), ctx.params.name!, ctx.body()));
      },
    }),

    // bindings
    route('/api/bindings', { GET: (ctx) => list(ctx, bindingRows(ctx), []) }),
    route('/api/bindings/:vhost', { GET: (ctx) => list(ctx, bindingRows(ctx), []) }),
    route('/api/bindings/:vhost/e/:source/:dtype/:destination', {
      GET: (ctx) => list(ctx, bindingsBetween(ctx), []),
      POST: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const v = op.vhostOr404(ctx.state, vname!);
        const { routingKey, args } = op.bindingBody(ctx.body());
        op.bind(ctx.state, ctx.user, v, binding(ctx), routingKey, args);
        const key = bindingView(v.name, { ...binding(ctx), routingKey, arguments: args }).properties_key as string;
        return { status: 201, headers: { location: `${encodeURIComponent(ctx.params.destination!)}/${encodeURIComponent(key)}` } };
      },
    }),
    route('/api/bindings/:vhost/e/:source/:dtype/:destination/:props', {
      GET: (ctx) => {
        const found = bindingsBetween(ctx).find((b) => sameProps(b.properties_key as string, ctx.params.props!));
        if (!found) throw notFound();
        return single(ctx, found);
      },
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const v = op.vhostOr404(ctx.state, vname!);
        const t = binding(ctx);
        const b = vhostBindings(v).find((x) => x.source === t.source && x.destination === t.destination
          && x.destinationType === t.destinationType && sameProps(bindingView(v.name, x).properties_key as string, ctx.params.props!));
        if (!b) throw notFound();
        op.unbind(ctx.state, ctx.user, v, binding(ctx), b.routingKey, (b.arguments ?? {}) as never);
        return noContent;
      },
    }),

    // definitions
    route('/api/definitions', {
      GET: (ctx) => {
        requireAdmin(ctx);
        return ok(exportDefinitions(ctx.state));
      },
      POST: (ctx) => {
        requireAdmin(ctx);
        return importDefinitions(ctx, undefined);
      },
    }),
    route('/api/definitions/:vhost', {
      GET: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.hasVhost(ctx.params.vhost!)) throw notFound();
        return ok(exportVhostDefinitions(ctx.state, ctx.params.vhost!));
      },
      POST: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.registry.hasVhost(ctx.params.vhost!)) throw notFound();
        return importDefinitions(ctx, ctx.params.vhost!);
      },
    }),

    // policies
    route('/api/policies', { GET: (ctx) => list(ctx, policyRows(ctx), ['vhost', 'name']) }),
    route('/api/policies/:vhost', { GET: (ctx) => list(ctx, policyRows(ctx), ['vhost', 'name']) }),
    route('/api/policies/:vhost/:name', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const p = ctx.state.policies.get(vname!, ctx.params.name!);
        if (!p) throw notFound();
        return single(ctx, policyView(p));
      },
      PUT: (ctx) => {
        const [vname] = vhostsFor(ctx);
        requirePolicymaker(ctx);
        const body = ctx.body();
        op.requireKeys(body, ['pattern', 'definition']);
        const problems = policyProblems(body);
        if (problems.length > 0) throw badRequest(`Validation failed\n\n${problems.join('\n')}\n`);
        const isNew = ctx.state.policies.get(vname!, ctx.params.name!) === undefined;
        ctx.state.policies.put({
          vhost: vname!, name: ctx.params.name!, pattern: body.pattern as string,
          applyTo: (body['apply-to'] as ApplyTo | undefined) ?? 'all', priority: (body.priority as number | undefined) ?? 0,
          definition: body.definition as Record<string, unknown>,
        });
        const v = ctx.state.server.vhost(vname!);
        if (v) ctx.state.policies.applyToVhost(v);
        return created(isNew);
      },
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        requirePolicymaker(ctx);
        if (!ctx.state.policies.delete(vname!, ctx.params.name!)) throw notFound();
        const v = ctx.state.server.vhost(vname!);
        if (v) ctx.state.policies.applyToVhost(v);
        return noContent;
      },
    }),

    // runtime and global parameters: kept and exported, not acted on (see definitions/parameters.ts)
    route('/api/parameters', { GET: (ctx) => list(ctx, parameterRows(ctx), ['vhost', 'component', 'name']) }),
    route('/api/parameters/:component', {
      GET: (ctx) => list(ctx, parameterRows(ctx).filter((p) => p.component === ctx.params.component), ['vhost', 'name']),
    }),
    route('/api/parameters/:component/:vhost', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        return list(ctx, parameterRows(ctx).filter((p) => p.component === ctx.params.component && p.vhost === vname), ['name']);
      },
    }),
    route('/api/parameters/:component/:vhost/:name', {
      GET: (ctx) => {
        const [vname] = vhostsFor(ctx);
        const p = ctx.state.parameters.get(vname!, ctx.params.component!, ctx.params.name!);
        if (!p) throw notFound();
        return single(ctx, { ...p });
      },
      PUT: (ctx) => {
        const [vname] = vhostsFor(ctx);
        requirePolicymaker(ctx);
        const body = ctx.body();
        op.requireKeys(body, ['value']);
        const key = [vname!, ctx.params.component!, ctx.params.name!] as const;
        const isNew = ctx.state.parameters.get(...key) === undefined;
        ctx.state.parameters.put({ vhost: key[0], component: key[1], name: key[2], value: body.value });
        return created(isNew);
      },
      DELETE: (ctx) => {
        const [vname] = vhostsFor(ctx);
        requirePolicymaker(ctx);
        if (!ctx.state.parameters.delete(vname!, ctx.params.component!, ctx.params.name!)) throw notFound();
        return noContent;
      },
    }),
    route('/api/global-parameters', {
      GET: (ctx) => {
        requireAdmin(ctx);
        return list(ctx, ctx.state.parameters.globalList().map((g) => ({ ...g })), ['name']);
      },
    }),
    route('/api/global-parameters/:name', {
      GET: (ctx) => {
        requireAdmin(ctx);
        const g = ctx.state.parameters.getGlobal(ctx.params.name!);
        if (!g) throw notFound();
        return single(ctx, { ...g });
      },
      PUT: (ctx) => {
        requireAdmin(ctx);
        const body = ctx.body();
        op.requireKeys(body, ['value']);
        const isNew = ctx.state.parameters.getGlobal(ctx.params.name!) === undefined;
        ctx.state.parameters.putGlobal({ name: ctx.params.name!, value: body.value });
        return created(isNew);
      },
      DELETE: (ctx) => {
        requireAdmin(ctx);
        if (!ctx.state.parameters.deleteGlobal(ctx.params.name!)) throw notFound();
        return noContent;
      },
    }),
  ];
}

/** The parameters of the vhosts the user may see. */
function parameterRows(ctx: Context): Row[] {
  const vhosts = new Set(vhostsFor(ctx));
  return ctx.state.parameters.list().filter((p) => vhosts.has(p.vhost)).map((p) => ({ ...p }));
}

/** Validates the whole file first; 400 listing every problem (nothing applied), else applies it all or nothing. */
function importDefinitions(ctx: Context, vhost: string | undefined): Reply {
  const { problems, plan } = validateDefinitions(ctx.state, ctx.body(), vhost);
  if (!plan) {
    const reason = `${problems.length} problem${problems.length === 1 ? '' : 's'} in the definitions, nothing was imported:\n${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`;
    throw new DefinitionsRefused(reason, problems);
  }
  try {
    applyDefinitions(ctx.state, plan);
  } catch (err) {
    op.engineError(err);
  }
  return noContent;
}

function requirePolicymaker(ctx: Context): void {
  if (!isPolicymaker(ctx.user)) throw notAuthorised('User not authorised to access object');
}

/** The path segment arrives percent-decoded; properties keys are form-encoded. */
function sameProps(key: string, segment: string): boolean {
  if (key === segment) return true;
  try {
    return decodeURIComponent(key.replace(/\+/g, ' ')) === segment;
  } catch {
    return false;
  }
}

function policyRows(ctx: Context): Row[] {
  const vhosts = new Set(vhostsFor(ctx));
  return ctx.state.policies.list().filter((p) => vhosts.has(p.vhost)).map(policyView);
}

function exchangeBindings(ctx: Context, side: 'source' | 'destination'): Row[] {
  const [vname] = vhostsFor(ctx);
  const v = op.vhostOr404(ctx.state, vname!);
  const name = op.exchangeParam(ctx.params.name!);
  if (!v.exchanges.has(name)) throw notFound();
  // The default exchange's implicit bindings are not listed here, as in RabbitMQ.
  const all = v.routing.toModel().bindings;
  const rows = side === 'source' ? all.filter((b) => b.source === name) : all.filter((b) => b.destinationType === 'exchange' && b.destination === name);
  return rows.map((b) => bindingView(v.name, b));
}

function bindingsBetween(ctx: Context): Row[] {
  const [vname] = vhostsFor(ctx);
  const v = op.vhostOr404(ctx.state, vname!);
  const t = binding(ctx);
  if (!v.exchanges.has(t.source)) throw notFound();
  if (t.destinationType === 'queue' ? !v.queues.has(t.destination) : !v.exchanges.has(t.destination)) throw notFound();
  return vhostBindings(v)
    .filter((b) => b.source === t.source && b.destination === t.destination && b.destinationType === t.destinationType)
    .map((b) => bindingView(v.name, b));
}

function consumerRows(ctx: Context, vhost?: string): Row[] {
  const conns = vhost === undefined
    ? [...ctx.state.server.connections].filter((c) => c.info().state === 'open' && (isMonitor(ctx.user) || canSeeVhost(ctx.state.registry, ctx.user, c.info().vhost ?? '')))
    : visibleConnectionsInVhost(ctx, vhost);
  return channelsOf(conns).flatMap(([c, ch]) => ch.info().consumers.map((cons) => consumerView(ctx.state, c, ch, cons)));
}

function visibleConnectionsInVhost(ctx: Context, vhost: string): Connection[] {
  if (!ctx.state.registry.hasVhost(vhost)) throw notFound();
  requireVhostAccess(ctx.state.registry, ctx.user, vhost);
  return [...ctx.state.server.connections].filter((c) => c.info().state === 'open' && c.info().vhost === vhost);
}

function connectionByName(ctx: Context): Connection {
  const found = visibleConnections(ctx).find((c) => connectionName(c.info()) === ctx.params.name);
  if (!found) throw notFound();
  return found;
}

function closeConnections(ctx: Context, which: (info: ReturnType<Connection['info']>) => boolean, reason: string): void {
  for (const c of [...ctx.state.server.connections]) {
    if (which(c.info())) c.close(ReplyCode.connectionForced, `CONNECTION_FORCED - ${reason}`);
  }
}

function deleteVhost(ctx: Context, name: string): void {
  closeConnections(ctx, (info) => info.vhost === name, `vhost '${name}' is deleted`);
  const v = ctx.state.server.vhosts.get(name);
  if (v) for (const q of [...v.queues.values()]) v.deleteQueue(q);
  ctx.state.server.vhosts.delete(name);
  ctx.state.registry.deleteVhost(name);
  ctx.state.policies.deleteVhost(name);
  ctx.state.parameters.deleteVhost(name);
  ctx.state.vhostMetadata.delete(name);
  ctx.state.traffic.forget(name);
}
