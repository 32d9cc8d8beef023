import {
  type AuthError,
  type Permission,
  permissionName,
  type ResourceKind,
  resourceAccessRefused,
  topicAccessRefused,
  userIdMismatch,
} from './errors.js';
import { type AuthRegistry, compilePermissionRegex, type User } from './registry.js';

/** Who is asking: the logged-in user on the vhost the connection opened. */
export interface AccessContext {
  readonly user: User;
  readonly vhost: string;
}

/** What the broker knows about an exchange at check time; null when it does not exist. */
export type ExchangeFacts = { readonly type: string; readonly internal: boolean } | null;

/** RabbitMQ's direct reply-to pseudo-queue: consuming from it needs no permission. */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/**
 * Each AMQP operation that RabbitMQ authorises, with the facts its checks
 * depend on. Passive declares are absent on purpose: RabbitMQ checks nothing
 * for them. `creates` tells whether a declare will create the entity: the
 * alternate-exchange and dead-letter-exchange checks only apply then.
 */
export type Operation =
  | { readonly method: 'exchange.declare'; readonly exchange: string; readonly creates: boolean; readonly alternateExchange?: string }
  | { readonly method: 'exchange.delete'; readonly exchange: string }
  | { readonly method: 'queue.declare'; readonly queue: string; readonly creates: boolean; readonly deadLetterExchange?: string }
  | { readonly method: 'queue.delete' | 'queue.purge' | 'basic.get' | 'basic.consume'; readonly queue: string }
  | {
      readonly method: 'queue.bind' | 'queue.unbind';
      readonly queue: string;
      readonly exchange: string;
      readonly routingKey: string;
      readonly source: ExchangeFacts;
    }
  | {
      readonly method: 'exchange.bind' | 'exchange.unbind';
      readonly destination: string;
      readonly source: string;
      readonly routingKey: string;
      readonly sourceFacts: ExchangeFacts;
    }
  | {
      readonly method: 'basic.publish';
      readonly exchange: string;
      readonly routingKey: string;
      readonly target: ExchangeFacts;
      /** The message's user-id property, if set. */
      readonly userId?: string;
    };

/** A resource permission check (rabbit_auth_backend_internal:check_resource_access). */
export function checkResourceAccess(
  registry: AuthRegistry,
  ctx: AccessContext,
  kind: ResourceKind,
  name: string,
  permission: Permission,
): AuthError | null {
  const regex = registry.permissionRegex(ctx.user.name, ctx.vhost)?.[permission];
  if (regex !== undefined && regex.test(permissionName(kind, name))) return null;
  return resourceAccessRefused(kind, name, ctx.vhost, ctx.user.name);
}

/**
 * Topic permissions (check_topic_access): only for topic exchanges, only
 * when the user has a topic permission for that exchange; the expression
 * may use {username} and {vhost}, expanded before matching the routing key.
 */
export function checkTopicAccess(
  registry: AuthRegistry,
  ctx: AccessContext,
  exchange: string,
  routingKey: string,
  permission: 'write' | 'read',
): AuthError | null {
  const topic = registry.getTopicPermission(ctx.user.name, ctx.vhost, exchange);
  if (topic === undefined) return null;
  const expression = expandTopicVariables(topic[permission], { username: ctx.user.name, vhost: ctx.vhost });
  return compilePermissionRegex(expression).test(routingKey) ? null : topicAccessRefused(routingKey, exchange, ctx.vhost, ctx.user.name);
}

/** RabbitMQ's expand_topic_permission: plain text replacement of {name} placeholders. */
export function expandTopicVariables(expression: string, variables: Readonly<Record<string, string>>): string {
  let out = expression;
  for (const [name, value] of Object.entries(variables)) out = out.split(`{${name}}`).join(value);
  return out;
}

/** user-id must name the authenticated user unless the user has the impersonator tag. */
export function checkUserId(user: User, claimed: string | undefined): AuthError | null {
  if (claimed === undefined || claimed === user.name || user.tags.includes('impersonator')) return null;
  return userIdMismatch(claimed, user.name);
}

export function internalExchangeRefused(exchange: string, vhost: string): AuthError {
  return {
    replyCode: 403,
    replyText: `ACCESS_REFUSED - cannot publish to internal exchange '${exchange}' in vhost '${vhost}'`,
    scope: 'channel',
  };
}

/**
 * The first refusal RabbitMQ 3.10 (rabbit_channel) would raise for `op`,
 * in its order, or null. The broker's own checks that sit between these
 * (default-exchange misuse, 404 for a missing entity) are the broker's: a
 * missing exchange (facts null) ends the checks here after the resource
 * check, which RabbitMQ makes before looking the exchange up.
 */
export function authorize(registry: AuthRegistry, ctx: AccessContext, op: Operation): AuthError | null {
  const check = (kind: ResourceKind, name: string, permission: Permission) =>
    checkResourceAccess(registry, ctx, kind, name, permission);
  switch (op.method) {
    case 'exchange.declare':
      return (
        check('exchange', op.exchange, 'configure') ??
        (op.creates && op.alternateExchange !== undefined
          ? (check('exchange', op.exchange, 'read') ?? check('exchange', op.alternateExchange, 'write'))
          : null)
      );
    case 'exchange.delete':
      return check('exchange', op.exchange, 'configure');
    case 'queue.declare':
      return (
        check('queue', op.queue, 'configure') ??
        (op.creates && op.deadLetterExchange !== undefined
          ? (check('queue', op.queue, 'read') ?? check('exchange', op.deadLetterExchange, 'write'))
          : null)
      );
    case 'queue.delete':
      return check('queue', op.queue, 'configure');
    case 'queue.purge':
    case 'basic.get':
      return check('queue', op.queue, 'read');
    case 'basic.consume':
      return op.queue === DIRECT_REPLY_TO ? null : check('queue', op.queue, 'read');
    case 'queue.bind':
    case 'queue.unbind':
      return (
        check('queue', op.queue, 'write') ??
        check('exchange', op.exchange, 'read') ??
        (op.source?.type === 'topic' ? checkTopicAccess(registry, ctx, op.exchange, op.routingKey, 'read') : null)
      );
    case 'exchange.bind':
    case 'exchange.unbind':
      return (
        check('exchange', op.destination, 'write') ??
        check('exchange', op.source, 'read') ??
        (op.sourceFacts?.type === 'topic' ? checkTopicAccess(registry, ctx, op.source, op.routingKey, 'read') : null)
      );
    case 'basic.publish': {
      const write = check('exchange', op.exchange, 'write');
      if (write !== null || op.target === null) return write;
      if (op.target.internal) return internalExchangeRefused(op.exchange, ctx.vhost);
      return (
        (op.target.type === 'topic' ? checkTopicAccess(registry, ctx, op.exchange, op.routingKey, 'write') : null) ??
        checkUserId(ctx.user, op.userId)
      );
    }
  }
}
