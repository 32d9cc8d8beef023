// POST /api/definitions[/{vhost}]: RabbitMQ definitions files (3.x and 4.x
// exports) validated as a whole first, every problem reported with its JSON
// path, then applied all-or-nothing: if anything still fails while applying,
// everything applied so far is undone. Unlike RabbitMQ, which applies as it
// reads and stops at the first error, a refused file changes nothing.
//
// Only classic queues: quorum queues (x-queue-type quorum, or "type":
// "quorum" in RabbitMQ 3.13+ exports), streams and other types are refused at
// their path, as an AMQP declare of them is, rather than served as classic
// queues that claim to be something they are not.
import { isHashingAlgorithm, LEGACY_HASHING_ALGORITHM, type HashingAlgorithm, type User } from '../auth/index.js';
import { isExchangeType, xMatchError, type RoutingBinding } from '../../../shared/routing/index.js';
import { policyProblems, type ApplyTo, type Policy } from '../policy/policies.js';
import type { FieldTable } from '../protocol/field-table.js';
import { argsEquivalenceError, fieldEquivalenceError, validateQueueArguments } from '../queue-arguments.js';
import { resourceName } from '../errors.js';
import { jsonToFieldTable } from '../http/json-table.js';
import { API_OWNER } from '../http/operations.js';
import type { DefinitionsSource } from './export.js';
import type { GlobalParameter, Parameter } from './parameters.js';

export interface Problem {
  /** JSON path into the file, e.g. $.queues[3].arguments */
  path: string;
  message: string;
}

interface QueueDef { vhost: string; name: string; durable: boolean; autoDelete: boolean; arguments: FieldTable }
interface ExchangeDef { vhost: string; name: string; type: string; durable: boolean; autoDelete: boolean; internal: boolean; arguments: FieldTable }
interface BindingDef { vhost: string; binding: RoutingBinding }

export interface ImportPlan {
  vhosts: string[];
  /** Descriptions and tags of vhosts (3.x "description"/"tags", 4.x "metadata"), by vhost name. */
  vhostMetadata?: [string, { description: string; tags: string[] }][];
  users: User[];
  permissions: { user: string; vhost: string; configure: string; write: string; read: string }[];
  topicPermissions: { user: string; vhost: string; exchange: string; write: string; read: string }[];
  parameters: Parameter[];
  globalParameters: GlobalParameter[];
  policies: Policy[];
  exchanges: ExchangeDef[];
  queues: QueueDef[];
  bindings: BindingDef[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

class Checker {
  readonly problems: Problem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  list(root: Obj, key: string): Obj[] {
    const v = root[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.add(`$.${key}`, `must be an array, got ${typeOf(v)}`);
      return [];
    }
    const out: Obj[] = [];
    v.forEach((item, i) => {
      if (isObj(item)) out.push(item);
      else this.add(`$.${key}[${i}]`, `must be an object, got ${typeOf(item)}`);
    });
    return out;
  }

  string(o: Obj, key: string, path: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string') {
      this.add(`${path}.${key}`, v === undefined ? 'is missing' : `must be a string, got ${typeOf(v)}`);
      return undefined;
    }
    return v;
  }

  bool(o: Obj, key: string, path: string, fallback?: boolean): boolean | undefined {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.add(`${path}.${key}`, v === undefined ? 'is missing' : `must be true or false, got ${typeOf(v)}`);
      return undefined;
    }
    return v;
  }

  table(o: Obj, key: string, path: string): FieldTable | undefined {
    const v = o[key];
    if (v === undefined) return {};
    if (!isObj(v)) {
      this.add(`${path}.${key}`, `must be an object, got ${typeOf(v)}`);
      return undefined;
    }
    return jsonToFieldTable(v);
  }

  regex(value: string, path: string): void {
    try {
      new RegExp(value);
    } catch (err) {
      this.add(path, `is not a valid regular expression: ${(err as Error).message}`);
    }
  }
}

/** Items are indexed by list position in the file, so a path points at the item as written. */
function indexed(c: Checker, root: Obj, key: string): [Obj, string][] {
  const raw = root[key];
  const items = c.list(root, key);
  if (!Array.isArray(raw)) return [];
  return items.map((item) => [item, `$.${key}[${raw.indexOf(item)}]`]);
}

/**
 * Checks a definitions file against itself and the broker; returns every
 * problem, or a plan that applyDefinitions can carry out. `vhost` is set for
 * a single-vhost file (POST /api/definitions/{vhost}), whose items carry no vhost.
 */
export function validateDefinitions(src: DefinitionsSource, input: unknown, vhost?: string): { problems: Problem[]; plan?: ImportPlan } {
  const c = new Checker();
  if (!isObj(input)) {
    c.add('$', `must be an object, got ${typeOf(input)}`);
    return { problems: c.problems };
  }
  const plan: ImportPlan = {
    vhosts: [], users: [], permissions: [], topicPermissions: [], parameters: [], globalParameters: [], policies: [], exchanges: [], queues: [], bindings: [],
  };
  const seen = (set: Set<string>, key: string, path: string, what: string) => {
    if (set.has(key)) c.add(path, `duplicate ${what}`);
    set.add(key);
  };
  const vhostOf = (o: Obj, path: string): string | undefined => (vhost !== undefined ? vhost : c.string(o, 'vhost', path));

  // vhosts
  if (vhost === undefined) {
    const names = new Set<string>();
    for (const [v, path] of indexed(c, input, 'vhosts')) {
      const name = c.string(v, 'name', path);
      if (name === undefined) continue;
      seen(names, name, `${path}.name`, `vhost '${name}'`);
      plan.vhosts.push(name);
      const meta = isObj(v.metadata) ? v.metadata : v;
      const description = meta.description ?? '';
      const rawTags = meta.tags ?? [];
      const tags = typeof rawTags === 'string' ? rawTags.split(',').map((t) => t.trim()).filter((t) => t !== '') : rawTags;
      if (typeof description !== 'string') c.add(`${path}.description`, `must be a string, got ${typeOf(description)}`);
      else if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) c.add(`${path}.tags`, 'must be a string or a list of strings');
      else if (description !== '' || tags.length > 0) (plan.vhostMetadata ??= []).push([name, { description, tags: tags as string[] }]);
    }
  }
  const vhostKnown = (name: string) => name === vhost || plan.vhosts.includes(name) || src.registry.hasVhost(name);
  const requireVhost = (name: string | undefined, path: string) => {
    if (name !== undefined && !vhostKnown(name)) c.add(`${path}.vhost`, `vhost '${name}' is neither in the file nor on the broker`);
  };

  // users
  if (vhost === undefined) {
    const names = new Set<string>();
    for (const [u, path] of indexed(c, input, 'users')) {
      const name = c.string(u, 'name', path);
      const hash = c.string(u, 'password_hash', path);
      const alg = u.hashing_algorithm === undefined ? LEGACY_HASHING_ALGORITHM : u.hashing_algorithm;
      if (typeof alg !== 'string' || !isHashingAlgorithm(alg)) c.add(`${path}.hashing_algorithm`, `unknown hashing algorithm ${JSON.stringify(alg)}`);
      if (hash !== undefined && hash !== '' && !/^[A-Za-z0-9+/]+={0,2}$/.test(hash)) c.add(`${path}.password_hash`, 'is not base64');
      let tags: string[] | undefined;
      if (typeof u.tags === 'string') tags = u.tags.split(',').map((t) => t.trim()).filter((t) => t !== '');
      else if (Array.isArray(u.tags) && u.tags.every((t) => typeof t === 'string')) tags = u.tags as string[];
      else c.add(`${path}.tags`, u.tags === undefined ? 'is missing' : 'must be a string or a list of strings');
      if (name === undefined) continue;
      seen(names, name, `${path}.name`, `user '${name}'`);
      if (hash !== undefined && tags !== undefined && typeof alg === 'string' && isHashingAlgorithm(alg)) {
        plan.users.push({ name, passwordHash: hash, hashingAlgorithm: alg as HashingAlgorithm, tags });
      }
    }
  }
  const userKnown = (name: string) => plan.users.some((u) => u.name === name) || src.registry.getUser(name) !== undefined;

  if (vhost === undefined) {
    const keys = new Set<string>();
    for (const [p, path] of indexed(c, input, 'permissions')) {
      const user = c.string(p, 'user', path);
      const v = c.string(p, 'vhost', path);
      const perms = ['configure', 'write', 'read'].map((k) => {
        const s = c.string(p, k, path);
        if (s !== undefined) c.regex(s, `${path}.${k}`);
        return s;
      });
      if (user !== undefined && !userKnown(user)) c.add(`${path}.user`, `user '${user}' is neither in the file nor on the broker`);
      requireVhost(v, path);
      if (user === undefined || v === undefined || perms.some((s) => s === undefined)) continue;
      seen(keys, `${user}\u0000${v}`, path, `permissions for user '${user}' in vhost '${v}'`);
      plan.permissions.push({ user, vhost: v, configure: perms[0]!, write: perms[1]!, read: perms[2]! });
    }
    const topicKeys = new Set<string>();
    for (const [p, path] of indexed(c, input, 'topic_permissions')) {
      const user = c.string(p, 'user', path);
      const v = c.string(p, 'vhost', path);
      const exchange = c.string(p, 'exchange', path);
      const write = c.string(p, 'write', path);
      const read = c.string(p, 'read', path);
      if (user !== undefined && !userKnown(user)) c.add(`${path}.user`, `user '${user}' is neither in the file nor on the broker`);
      requireVhost(v, path);
      if (user === undefined || v === undefined || exchange === undefined || write === undefined || read === undefined) continue;
      seen(topicKeys, `${user}\u0000${v}\u0000${exchange}`, path, `topic permission for user '${user}' on exchange '${exchange}' in vhost '${v}'`);
      plan.topicPermissions.push({ user, vhost: v, exchange, write, read });
    }
    for (const [g, path] of indexed(c, input, 'global_parameters')) {
      const name = c.string(g, 'name', path);
      if (name !== undefined) plan.globalParameters.push({ name, value: g.value });
    }
  }

  // parameters and policies
  const paramKeys = new Set<string>();
  for (const [p, path] of indexed(c, input, 'parameters')) {
    const v = vhostOf(p, path);
    const component = c.string(p, 'component', path);
    const name = c.string(p, 'name', path);
    requireVhost(v, path);
    if (p.value === undefined) c.add(`${path}.value`, 'is missing');
    if (v === undefined || component === undefined || name === undefined) continue;
    seen(paramKeys, `${v}\u0000${component}\u0000${name}`, path, `parameter '${component}/${name}' in vhost '${v}'`);
    plan.parameters.push({ vhost: v, component, name, value: p.value });
  }
  const policyKeys = new Set<string>();
  for (const [p, path] of indexed(c, input, 'policies')) {
    const v = vhostOf(p, path);
    const name = c.string(p, 'name', path);
    requireVhost(v, path);
    if (p.pattern === undefined) c.add(`${path}.pattern`, 'is missing');
    if (p.definition === undefined) c.add(`${path}.definition`, 'is missing');
    else for (const problem of policyProblems(p)) c.add(path, problem.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    if (v === undefined || name === undefined) continue;
    seen(policyKeys, `${v}\u0000${name}`, `${path}.name`, `policy '${name}' in vhost '${v}'`);
    if (typeof p.pattern === 'string' && isObj(p.definition)) {
      plan.policies.push({
        vhost: v, name, pattern: p.pattern, applyTo: (p['apply-to'] as ApplyTo | undefined) ?? 'all',
        priority: Number.isInteger(p.priority) ? (p.priority as number) : 0, definition: p.definition,
      });
    }
  }

  // exchanges
  const exchangeKeys = new Set<string>();
  for (const [x, path] of indexed(c, input, 'exchanges')) {
    const v = vhostOf(x, path);
    const name = c.string(x, 'name', path);
    const type = c.string(x, 'type', path);
    const durable = c.bool(x, 'durable', path);
    const autoDelete = c.bool(x, 'auto_delete', path);
    const internal = c.bool(x, 'internal', path, false);
    const args = c.table(x, 'arguments', path);
    requireVhost(v, path);
    if (type !== undefined && !isExchangeType(type)) c.add(`${path}.type`, `unknown exchange type '${type}'`);
    if (name === '' || name?.startsWith('amq.')) c.add(`${path}.name`, `exchange name '${name}' is reserved`);
    if (args?.['alternate-exchange'] !== undefined && args['alternate-exchange'].type !== 'S') c.add(`${path}.arguments.alternate-exchange`, 'must be a string');
    if (v === undefined || name === undefined || type === undefined || durable === undefined || autoDelete === undefined || internal === undefined || args === undefined) continue;
    seen(exchangeKeys, `${v}\u0000${name}`, `${path}.name`, `exchange '${name}' in vhost '${v}'`);
    const existing = src.server.vhosts.get(v)?.exchanges.get(name);
    if (existing) {
      const resource = resourceName('exchange', name, v);
      const err = fieldEquivalenceError('type', existing.type, type, resource)
        ?? fieldEquivalenceError('durable', existing.durable, durable, resource)
        ?? fieldEquivalenceError('auto_delete', existing.autoDelete, autoDelete, resource)
        ?? fieldEquivalenceError('internal', existing.internal, internal, resource)
        ?? argsEquivalenceError(existing.arguments, args, resource, ['alternate-exchange']);
      if (err) c.add(path, `conflicts with the broker: ${err.replyText.replace(/^[A-Z_]+ - /, '')}`);
    }
    plan.exchanges.push({ vhost: v, name, type, durable, autoDelete, internal, arguments: args });
  }

  // queues
  const queueKeys = new Set<string>();
  for (const [q, path] of indexed(c, input, 'queues')) {
    const v = vhostOf(q, path);
    const name = c.string(q, 'name', path);
    const durable = c.bool(q, 'durable', path);
    const autoDelete = c.bool(q, 'auto_delete', path);
    const args = c.table(q, 'arguments', path);
    requireVhost(v, path);
    if (name?.startsWith('amq.')) c.add(`${path}.name`, `queue name '${name}' contains reserved prefix 'amq.*'`);
    if (v === undefined || name === undefined || durable === undefined || autoDelete === undefined || args === undefined) continue;
    seen(queueKeys, `${v}\u0000${name}`, `${path}.name`, `queue '${name}' in vhost '${v}'`);
    const resource = resourceName('queue', name, v);
    // RabbitMQ 3.13+ exports also name the type in a "type" field.
    const queueTypeArg = args['x-queue-type'];
    if (q.type !== undefined && typeof q.type !== 'string') c.add(`${path}.type`, `must be a string, got ${typeOf(q.type)}`);
    const queueType = queueTypeArg?.type === 'S' ? String(queueTypeArg.value) : typeof q.type === 'string' ? q.type : undefined;
    if (queueTypeArg?.type === 'S' && typeof q.type === 'string' && q.type !== String(queueTypeArg.value)) {
      c.add(`${path}.type`, `'${q.type}' contradicts arguments.x-queue-type '${String(queueTypeArg.value)}'`);
    }
    if (queueType !== undefined && queueType !== 'classic') {
      const why = queueType === 'quorum' ? ': the embedded broker has classic queues only; make it classic or leave it out' : '';
      c.add(queueTypeArg ? `${path}.arguments.x-queue-type` : `${path}.type`, `unsupported queue type '${queueType}'${why}`);
    } else {
      const err = validateQueueArguments(args, resource);
      if (err) c.add(`${path}.arguments`, err.replyText.replace(/^[A-Z_]+ - /, ''));
    }
    const existing = src.server.vhosts.get(v)?.queues.get(name);
    if (existing) {
      const err = fieldEquivalenceError('durable', existing.durable, durable, resource)
        ?? fieldEquivalenceError('auto_delete', existing.autoDelete, autoDelete, resource)
        ?? argsEquivalenceError(existing.arguments, args, resource);
      if (err) c.add(path, `conflicts with the broker: ${err.replyText.replace(/^[A-Z_]+ - /, '')}`);
    }
    plan.queues.push({ vhost: v, name, durable, autoDelete, arguments: args });
  }

  // bindings
  const bindingKeys = new Set<string>();
  for (const [b, path] of indexed(c, input, 'bindings')) {
    const v = vhostOf(b, path);
    const source = c.string(b, 'source', path);
    const destination = c.string(b, 'destination', path);
    const dtype = c.string(b, 'destination_type', path);
    const routingKey = c.string(b, 'routing_key', path);
    const args = c.table(b, 'arguments', path);
    requireVhost(v, path);
    if (dtype !== undefined && dtype !== 'queue' && dtype !== 'exchange') c.add(`${path}.destination_type`, `must be 'queue' or 'exchange', got '${dtype}'`);
    if (v === undefined || source === undefined || destination === undefined || routingKey === undefined || args === undefined || (dtype !== 'queue' && dtype !== 'exchange')) continue;
    const live = src.server.vhosts.get(v);
    const sourceType = plan.exchanges.find((x) => x.vhost === v && x.name === source)?.type ?? live?.exchanges.get(source)?.type;
    if (source === '') c.add(`${path}.source`, 'the default exchange cannot be bound');
    else if (sourceType === undefined && !(source.startsWith('amq.') && ['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match', 'amq.rabbitmq.trace'].includes(source))) {
      c.add(`${path}.source`, `no exchange '${source}' in vhost '${v}' (neither in the file nor on the broker)`);
    }
    const destKnown = dtype === 'queue'
      ? plan.queues.some((q) => q.vhost === v && q.name === destination) || live?.queues.has(destination) === true
      : plan.exchanges.some((x) => x.vhost === v && x.name === destination) || live?.exchanges.has(destination) === true
        || ['amq.direct', 'amq.fanout', 'amq.topic', 'amq.headers', 'amq.match'].includes(destination);
    if (!destKnown) c.add(`${path}.destination`, `no ${dtype} '${destination}' in vhost '${v}' (neither in the file nor on the broker)`);
    if ((sourceType ?? (source === 'amq.headers' || source === 'amq.match' ? 'headers' : undefined)) === 'headers') {
      const err = xMatchError(args);
      if (err) c.add(`${path}.arguments.x-match`, err);
    }
    const key = JSON.stringify([v, source, dtype, destination, routingKey, b.arguments ?? {}]);
    seen(bindingKeys, key, path, 'binding');
    plan.bindings.push({ vhost: v, binding: { source, destination, destinationType: dtype, routingKey, arguments: args } });
  }

  return c.problems.length > 0 ? { problems: c.problems } : { problems: [], plan };
}

/** Carries out a validated plan; if any step fails, undoes the steps before it and rethrows. */
export function applyDefinitions(src: DefinitionsSource, plan: ImportPlan): void {
  const undo: (() => void)[] = [];
  const { registry, server, policies, parameters } = src;
  try {
    for (const name of plan.vhosts) {
      if (registry.addVhost(name)) {
        undo.push(() => {
          server.vhosts.delete(name);
          registry.deleteVhost(name);
        });
      }
    }
    for (const [name, meta] of plan.vhostMetadata ?? []) {
      const before = src.vhostMetadata.get(name);
      src.vhostMetadata.set(name, meta);
      undo.push(() => (before ? src.vhostMetadata.set(name, before) : void src.vhostMetadata.delete(name)));
    }
    for (const u of plan.users) {
      const before = registry.getUser(u.name);
      registry.putUser(u);
      undo.push(() => (before ? registry.putUser(before) : void registry.deleteUser(u.name)));
    }
    for (const p of plan.permissions) {
      const before = registry.getPermissions(p.user, p.vhost);
      registry.setPermissions(p.user, p.vhost, p);
      undo.push(() => (before ? registry.setPermissions(p.user, p.vhost, before) : void registry.clearPermissions(p.user, p.vhost)));
    }
    for (const t of plan.topicPermissions) {
      const before = registry.getTopicPermission(t.user, t.vhost, t.exchange);
      registry.setTopicPermission(t.user, t.vhost, t);
      undo.push(() => (before ? registry.setTopicPermission(t.user, t.vhost, before) : void registry.clearTopicPermissions(t.user, t.vhost, t.exchange)));
    }
    for (const p of plan.parameters) {
      const before = parameters.get(p.vhost, p.component, p.name);
      parameters.put(p);
      undo.push(() => (before ? parameters.put(before) : void parameters.delete(p.vhost, p.component, p.name)));
    }
    for (const g of plan.globalParameters) {
      const before = parameters.getGlobal(g.name);
      parameters.putGlobal(g);
      undo.push(() => (before ? parameters.putGlobal(before) : void parameters.deleteGlobal(g.name)));
    }
    for (const p of plan.policies) {
      const before = policies.get(p.vhost, p.name);
      policies.put(p);
      undo.push(() => (before ? policies.put(before) : void policies.delete(p.vhost, p.name)));
    }
    for (const x of plan.exchanges) {
      const v = server.vhost(x.vhost)!;
      const created = !v.exchanges.has(x.name);
      v.declareExchange({ name: x.name, type: x.type, passive: false, durable: x.durable, autoDelete: x.autoDelete, internal: x.internal, arguments: x.arguments });
      if (created) undo.push(() => v.deleteExchange(x.name, false));
    }
    for (const q of plan.queues) {
      const v = server.vhost(q.vhost)!;
      const created = !v.queues.has(q.name);
      const queue = v.declareQueue({ name: q.name, passive: false, durable: q.durable, exclusive: false, autoDelete: q.autoDelete, arguments: q.arguments }, API_OWNER);
      if (created) undo.push(() => v.deleteQueue(queue));
    }
    for (const { vhost, binding } of plan.bindings) {
      const v = server.vhost(vhost)!;
      if (v.routing.hasBinding(binding)) continue;
      if (binding.destinationType === 'queue') v.bindQueue(binding.destination, binding.source, binding.routingKey, binding.arguments as FieldTable, API_OWNER);
      else v.bindExchange(binding.destination, binding.source, binding.routingKey, binding.arguments as FieldTable);
      // Removed from the routing table directly (an unbind could auto-delete a source that was there before), so the store is told here.
      undo.push(() => {
        v.routing.removeBinding(binding);
        v.durableChanged?.({ kind: 'unbound', vhost, binding });
      });
    }
  } catch (err) {
    for (const step of undo.reverse()) step();
    throw err;
  }
  for (const name of new Set([...plan.vhosts, ...plan.policies.map((p) => p.vhost), ...plan.queues.map((q) => q.vhost), ...plan.exchanges.map((x) => x.vhost)])) {
    const v = server.vhost(name);
    if (v) policies.applyToVhost(v);
  }
}
