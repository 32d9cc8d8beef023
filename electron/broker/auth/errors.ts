/**
 * The errors authentication and authorisation raise, with RabbitMQ 3.10's
 * reply codes and texts. Texts were taken from a RabbitMQ 3.10.8 node
 * (rabbit_access_control, rabbit_reader, rabbit_channel) and are checked
 * again by the conformance suite on every run.
 */
export interface AuthError {
  readonly replyCode: 403 | 406 | 503 | 530;
  readonly replyText: string;
  /** Connection errors close the connection; channel errors close only the channel. */
  readonly scope: 'connection' | 'channel';
}

export type ResourceKind = 'queue' | 'exchange';
export type Permission = 'configure' | 'write' | 'read';

/** rabbit_misc:rs/1: how RabbitMQ names a resource in messages. */
export function describeResource(kind: ResourceKind | 'topic', name: string, vhost: string): string {
  return `${kind} '${name}' in vhost '${vhost}'`;
}

/** The default exchange is checked and reported under the name "amq.default". */
export function permissionName(kind: ResourceKind, name: string): string {
  return kind === 'exchange' && name === '' ? 'amq.default' : name;
}

export function resourceAccessRefused(kind: ResourceKind, name: string, vhost: string, user: string): AuthError {
  return {
    replyCode: 403,
    replyText: `ACCESS_REFUSED - access to ${describeResource(kind, permissionName(kind, name), vhost)} refused for user '${user}'`,
    scope: 'channel',
  };
}

export function topicAccessRefused(routingKey: string, exchange: string, vhost: string, user: string): AuthError {
  return {
    replyCode: 403,
    replyText: `ACCESS_REFUSED - access to topic '${routingKey}' in ${describeResource('exchange', exchange, vhost)} refused for user '${user}'`,
    scope: 'channel',
  };
}

/** The only text a client sees for any failed login (details go to the log, never to the peer). */
export function loginRefused(mechanism: string): AuthError {
  return {
    replyCode: 403,
    replyText: `ACCESS_REFUSED - Login was refused using authentication mechanism ${mechanism}. For details see the broker logfile.`,
    scope: 'connection',
  };
}

/** connection.start-ok naming a mechanism that is not offered. */
export function unknownMechanism(mechanism: string): AuthError {
  return {
    replyCode: 503,
    replyText: `COMMAND_INVALID - unknown authentication mechanism '${mechanism}'`,
    scope: 'connection',
  };
}

export function vhostNotFound(vhost: string): AuthError {
  return { replyCode: 530, replyText: `NOT_ALLOWED - vhost ${vhost} not found`, scope: 'connection' };
}

export function vhostAccessRefused(vhost: string, user: string): AuthError {
  return {
    replyCode: 530,
    replyText: `NOT_ALLOWED - access to vhost '${vhost}' refused for user '${user}'`,
    scope: 'connection',
  };
}

export function userIdMismatch(claimed: string, actual: string): AuthError {
  return {
    replyCode: 406,
    replyText: `PRECONDITION_FAILED - user_id property set to '${claimed}' but authenticated user was '${actual}'`,
    scope: 'channel',
  };
}
