// The management API's changes, made through the same engine operations and
// the same permission checks as their AMQP counterparts (queue.declare,
// exchange.delete, queue.bind, basic.get, basic.publish, ...). HTTP-declared
// objects are never exclusive, so one owner object stands for "the API".
import type { User } from '../auth/index.js';
import { isUtf8 } from 'node:buffer';
import { AmqpError, resourceName } from '../errors.js';
import type { Permission } from '../access-control.js';
import type { Message } from '../message.js';
import { encodeProperties } from '../properties.js';
import type { BasicProperties } from '../protocol/generated.js';
import type { FieldTable } from '../protocol/field-table.js';
import { recordGet, recordPublish } from '../stats/message-stats.js';
import type { Queue } from '../queue.js';
import type { VirtualHost } from '../vhost.js';
import { badRequest, HttpError, notAuthorised, notFound } from './errors.js';
import { fieldTableToJson, jsonToFieldTable } from './json-table.js';
import type { ManagementState } from './state.js';

/** The owner of HTTP-declared queues and the "channel" its publishes and gets are counted on. */
export const API_OWNER = {};

/** An engine refusal as the management API reports it: 400 for precondition failures, 401 for access. */
export function engineError(err: unknown): never {
  if (err instanceof AmqpError) {
    if (err.replyCode === 403) throw notAuthorised('Access refused.');
    if (err.replyCode === 404) throw notFound();
    throw badRequest(err.replyText.replace(/^[A-Z_]+ - /, ''));
  }
  throw err;
}

/** Refusals of operations RabbitMQ runs on an internal channel (get, publish) keep the AMQP code and name. */
export function channelError(err: unknown): never {
  if (err instanceof AmqpError && err.replyCode !== 403) throw badRequest(`${err.replyCode} ${err.replyText}`);
  return engineError(err);
}

export function checkPermission(state: ManagementState, user: User, vhost: string, kind: 'queue' | 'exchange', name: string, permission: Permission): void {
  const checked = kind === 'exchange' && name === '' ? 'amq.default' : name;
  if (!state.server.access.checkResource({ username: user.name, tags: user.tags }, vhost, { kind, name: checked }, permission)) {
    throw notAuthorised('Access refused.');
  }
}

/** The same check made by RabbitMQ's internal channel (get, publish): refused as a 400 carrying the AMQP error. */
function checkChannelPermission(state: ManagementState, user: User, vhost: string, kind: 'queue' | 'exchange', name: string, permission: Permission): void {
  const checked = kind === 'exchange' && name === '' ? 'amq.default' : name;
  if (!state.server.access.checkResource({ username: user.name, tags: user.tags }, vhost, { kind, name: checked }, permission)) {
    throw badRequest(`403 ACCESS_REFUSED - access to ${resourceName(kind, checked, vhost)} refused for user '${user.name}'`);
  }
}

export function vhostOr404(state: ManagementState, name: string): VirtualHost {
  const v = state.registry.hasVhost(name) ? state.server.vhost(name) : undefined;
  if (!v) throw notFound();
  return v;
}

export function queueOr404(v: VirtualHost, name: string): Queue {
  const q = v.queues.get(name);
  if (!q) throw notFound();
  return q;
}

function bool(body: Record<string, unknown>, key: string, fallback: boolean): boolean {
  const v = body[key];
  if (v === undefined) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new HttpError(400, 'bad_request', ['not_boolean', String(v)]);
}

function argumentsOf(body: Record<string, unknown>): FieldTable {
  const a = body.arguments;
  if (a === undefined || a === null || a === '') return {};
  if (typeof a !== 'object' || Array.isArray(a)) throw badRequest('arguments must be an object');
  return jsonToFieldTable(a as Record<string, unknown>);
}

export function declareQueue(state: ManagementState, user: User, v: VirtualHost, name: string, body: Record<string, unknown>): boolean {
  checkPermission(state, user, v.name, 'queue', name, 'configure');
  const args = argumentsOf(body);
  const existed = v.queues.has(name);
  try {
    v.declareQueue({
      name, passive: false, durable: bool(body, 'durable', false), exclusive: false,
      autoDelete: bool(body, 'auto_delete', false), arguments: args,
    }, API_OWNER);
  } catch (err) {
    engineError(err);
  }
  return !existed;
}

export function declareExchange(state: ManagementState, user: User, v: VirtualHost, name: string, body: Record<string, unknown>): boolean {
  checkPermission(state, user, v.name, 'exchange', name, 'configure');
  const type = body.type ?? 'direct';
  if (typeof type !== 'string') throw badRequest(`unknown exchange type '${String(type)}'`);
  const existed = v.exchanges.has(name);
  try {
    v.declareExchange({
      name, type, passive: false, durable: bool(body, 'durable', false), autoDelete: bool(body, 'auto_delete', false),
      internal: bool(body, 'internal', false), arguments: argumentsOf(body),
    });
  } catch (err) {
    engineError(err);
  }
  return !existed;
}

export function deleteExchange(state: ManagementState, user: User, v: VirtualHost, name: string, ifUnused: boolean): void {
  if (!v.exchanges.has(name)) throw notFound();
  checkPermission(state, user, v.name, 'exchange', name, 'configure');
  try {
    v.deleteExchange(name, ifUnused);
  } catch (err) {
    engineError(err);
  }
}

export function deleteQueue(state: ManagementState, user: User, v: VirtualHost, name: string, ifUnused: boolean, ifEmpty: boolean): void {
  const q = queueOr404(v, name);
  checkPermission(state, user, v.name, 'queue', name, 'configure');
  try {
    v.checkExclusiveAccess(q, API_OWNER);
  } catch (err) {
    engineError(err);
  }
  const err = q.checkDeletable(ifUnused, ifEmpty);
  if (err) engineError(err);
  v.deleteQueue(q);
}

export function purgeQueue(state: ManagementState, user: User, v: VirtualHost, name: string): void {
  const q = queueOr404(v, name);
  checkPermission(state, user, v.name, 'queue', name, 'read');
  try {
    v.checkExclusiveAccess(q, API_OWNER);
  } catch (err) {
    engineError(err);
  }
  q.purge();
}

export interface BindingTarget {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
}

export function bind(state: ManagementState, user: User, v: VirtualHost, t: BindingTarget, routingKey: string, args: FieldTable): void {
  if (!v.exchanges.has(t.source)) throw new HttpError(404, 'not_found', `no ${resourceName('exchange', t.source, v.name)}`);
  if (t.destinationType === 'queue' ? !v.queues.has(t.destination) : !v.exchanges.has(t.destination)) {
    throw new HttpError(404, 'not_found', `no ${resourceName(t.destinationType, t.destination, v.name)}`);
  }
  checkPermission(state, user, v.name, t.destinationType, t.destination, 'write');
  checkPermission(state, user, v.name, 'exchange', t.source, 'read');
  try {
    if (t.destinationType === 'queue') v.bindQueue(t.destination, t.source, routingKey, args, API_OWNER);
    else v.bindExchange(t.destination, t.source, routingKey, args);
  } catch (err) {
    engineError(err);
  }
}

export function unbind(state: ManagementState, user: User, v: VirtualHost, t: BindingTarget, routingKey: string, args: FieldTable): void {
  checkPermission(state, user, v.name, t.destinationType, t.destination, 'write');
  checkPermission(state, user, v.name, 'exchange', t.source, 'read');
  try {
    if (t.destinationType === 'queue') v.unbindQueue(t.destination, t.source, routingKey, args, API_OWNER);
    else v.unbindExchange(t.destination, t.source, routingKey, args);
  } catch (err) {
    engineError(err);
  }
}

export function bindingBody(body: Record<string, unknown>): { routingKey: string; args: FieldTable } {
  const rk = body.routing_key ?? '';
  if (typeof rk !== 'string') throw badRequest('routing_key must be a string');
  return { routingKey: rk, args: argumentsOf(body) };
}

const ACKMODES = ['ack_requeue_true', 'ack_requeue_false', 'reject_requeue_true', 'reject_requeue_false'] as const;

/** The JSON form of message properties, as rabbit_mgmt_format:basic_properties. */
function propertiesJson(p: BasicProperties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys: [keyof BasicProperties, string][] = [
    ['contentType', 'content_type'], ['contentEncoding', 'content_encoding'], ['deliveryMode', 'delivery_mode'],
    ['priority', 'priority'], ['correlationId', 'correlation_id'], ['replyTo', 'reply_to'], ['expiration', 'expiration'],
    ['messageId', 'message_id'], ['timestamp', 'timestamp'], ['type', 'type'], ['userId', 'user_id'], ['appId', 'app_id'],
    ['clusterId', 'cluster_id'],
  ];
  for (const [k, json] of keys) {
    const v = p[k];
    if (v !== undefined) out[json] = typeof v === 'bigint' ? Number(v) : v;
  }
  if (p.headers) out.headers = fieldTableToJson(p.headers);
  return out;
}

/** A message as POST …/get answers it: `auto` gives text when the (truncated) payload is UTF-8, base64 otherwise. */
export function messageView(m: Message, redelivered: boolean, messageCount: number, encoding: 'auto' | 'base64', truncate: number | undefined): Record<string, unknown> {
  const payload = truncate !== undefined && truncate >= 0 ? m.body.subarray(0, truncate) : m.body;
  const text = encoding === 'auto' && isUtf8(payload) ? payload.toString('utf8') : undefined;
  const properties = propertiesJson(m.properties);
  return {
    payload_bytes: m.body.length,
    redelivered,
    exchange: m.exchange,
    routing_key: m.routingKey,
    message_count: messageCount,
    // RabbitMQ serialises empty properties as Erlang's empty list.
    properties: Object.keys(properties).length === 0 ? [] : properties,
    payload: text ?? payload.toString('base64'),
    payload_encoding: text === undefined ? 'base64' : 'string',
  };
}

export function getMessages(state: ManagementState, user: User, v: VirtualHost, name: string, body: Record<string, unknown>): unknown[] {
  const q = queueOr404(v, name);
  requireKeys(body, ['ackmode', 'count', 'encoding']);
  checkChannelPermission(state, user, v.name, 'queue', name, 'read');
  const ackmode = body.ackmode;
  if (typeof ackmode !== 'string' || !(ACKMODES as readonly string[]).includes(ackmode)) throw badRequest(`Unknown ackmode: ${String(ackmode)}`);
  const encoding = body.encoding;
  if (encoding !== 'auto' && encoding !== 'base64') throw badRequest('Unsupported encoding. Please use auto or base64.');
  const count = Number(body.count);
  if (!Number.isInteger(count) || count < 0) throw badRequest('count must be a non-negative integer');
  const truncate = body.truncate === undefined || body.truncate === '' ? undefined : Number(body.truncate);
  try {
    v.checkExclusiveAccess(q, API_OWNER);
  } catch (err) {
    channelError(err);
  }
  const out: unknown[] = [];
  const taken = [];
  for (let i = 0; i < count; i++) {
    const entry = q.fetch(false);
    recordGet({ channel: API_OWNER, vhost: v }, q, false, entry !== undefined, entry?.redelivered ?? false);
    if (!entry) break;
    taken.push(entry);
    out.push(messageView(entry.message, entry.redelivered, q.messageCount, encoding, truncate));
  }
  // Like the management plugin's channel, the messages are settled once all are fetched.
  for (const entry of taken) {
    if (ackmode === 'ack_requeue_false') q.acked(entry);
    else if (ackmode === 'reject_requeue_false') q.rejected(entry);
    else q.requeue(entry);
  }
  if (ackmode === 'ack_requeue_true' || ackmode === 'reject_requeue_true') q.dispatch();
  return out;
}


function propertiesFromJson(p: unknown): BasicProperties {
  if (p === undefined) return {};
  if (p === null || typeof p !== 'object' || Array.isArray(p)) throw badRequest('properties must be an object');
  const j = p as Record<string, unknown>;
  const out: BasicProperties = {};
  const str = (k: string) => {
    const v = j[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw badRequest(`${k} must be a string`);
    return v;
  };
  const num = (k: string) => {
    const v = j[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw badRequest(`${k} must be an integer`);
    return v;
  };
  const set = <K extends keyof BasicProperties>(k: K, v: BasicProperties[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('contentType', str('content_type'));
  set('contentEncoding', str('content_encoding'));
  set('deliveryMode', num('delivery_mode'));
  set('priority', num('priority'));
  set('correlationId', str('correlation_id'));
  set('replyTo', str('reply_to'));
  set('expiration', str('expiration'));
  set('messageId', str('message_id'));
  set('timestamp', num('timestamp'));
  set('type', str('type'));
  set('userId', str('user_id'));
  set('appId', str('app_id'));
  if (j.headers !== undefined) {
    if (j.headers === null || typeof j.headers !== 'object' || Array.isArray(j.headers)) throw badRequest('headers must be an object');
    out.headers = jsonToFieldTable(j.headers as Record<string, unknown>);
  }
  return out;
}

export function publish(state: ManagementState, user: User, v: VirtualHost, exchange: string, body: Record<string, unknown>): boolean {
  requireKeys(body, ['routing_key', 'properties', 'payload', 'payload_encoding']);
  checkChannelPermission(state, user, v.name, 'exchange', exchange, 'write');
  const x = v.exchanges.get(exchange);
  if (!x) throw badRequest(`404 NOT_FOUND - no ${resourceName('exchange', exchange, v.name)}`);
  if (typeof body.routing_key !== 'string' || typeof body.payload !== 'string') throw badRequest('routing_key and payload must be strings');
  if (body.payload_encoding !== 'string' && body.payload_encoding !== 'base64') {
    throw new HttpError(400, 'bad_request', ['unsupported_encoding', String(body.payload_encoding)]);
  }
  if (x.internal) throw badRequest(`cannot publish to internal ${resourceName('exchange', exchange, v.name)}`);
  const properties = propertiesFromJson(body.properties);
  if (properties.userId !== undefined && properties.userId !== user.name) {
    throw badRequest(`user_id property set to '${properties.userId}' but authenticated user was '${user.name}'`);
  }
  const payload = body.payload_encoding === 'base64' ? Buffer.from(body.payload, 'base64') : Buffer.from(body.payload, 'utf8');
  const message: Message = { exchange, routingKey: body.routing_key, properties, propertiesBytes: encodeProperties(properties), body: payload };
  const queues = v.route(exchange, message);
  // As on a channel: BCC routes like CC but is not delivered.
  const { BCC: _bcc, ...visibleHeaders } = properties.headers ?? {};
  const stored = properties.headers?.BCC === undefined ? message
    : { ...message, properties: { ...properties, headers: visibleHeaders }, propertiesBytes: encodeProperties({ ...properties, headers: visibleHeaders }) };
  const now = Date.now();
  for (const q of queues) q.publish(stored, now);
  recordPublish({ channel: API_OWNER, vhost: v }, { exchange: x, queues, returned: false, confirmed: false });
  return queues.length > 0;
}

/** Declares "aliveness-test", publishes a message to it and gets it back, as RabbitMQ's aliveness test does. */
export function alivenessTest(state: ManagementState, user: User, v: VirtualHost): boolean {
  declareQueue(state, user, v, 'aliveness-test', {});
  publish(state, user, v, '', { routing_key: 'aliveness-test', payload: 'test_message', payload_encoding: 'string', properties: {} });
  const q = queueOr404(v, 'aliveness-test');
  let entry;
  while ((entry = q.fetch(true)) !== undefined) {
    if (entry.message.body.toString('utf8') === 'test_message') return true;
  }
  return false;
}

/** rabbit_mgmt_util:with_decode: 400 listing every missing key, printed as Erlang's ~p prints the list. */
export function requireKeys(body: Record<string, unknown>, keys: readonly string[]): void {
  const missing = keys.filter((k) => body[k] === undefined).map((k) => `{key_missing,${k}}`);
  if (missing.length === 0) return;
  const flat = `[${missing.join(',')}]`;
  throw badRequest(flat.length < 79 ? flat : `[${missing.join(',\n ')}]`);
}

/** Path names: RabbitMQ's API calls the default exchange "amq.default". */
export function exchangeParam(name: string): string {
  return name === 'amq.default' ? '' : name;
}
