/**
 * electron/broker/auth: who may connect and what they may do, as RabbitMQ
 * 3.10's internal auth backend decides it. Plain Node; imports only
 * shared/ and its own files.
 *
 * Passwords (password-hashing.ts)
 *   HashingAlgorithm = 'rabbit_password_hashing_sha256' | '..._sha512' | '..._md5'
 *   hashPassword(password, algorithm = sha256, salt?): string    base64(salt4 ++ H(salt4 ++ utf8))
 *   verifyPassword(password, hash, algorithm): boolean           '' never matches
 *
 * Registry (registry.ts)
 *   AuthRegistry.withDefaults()            vhost '/', guest/guest administrator, '.*' ×3
 *   addVhost / deleteVhost / hasVhost / vhosts
 *   addUser(name, password, tags?, algorithm?) / putUser(User) / deleteUser / getUser / users
 *   setPermissions(user, vhost, {configure, write, read}) / clearPermissions / getPermissions / permissions
 *   setTopicPermission(user, vhost, {exchange, write, read}) / clearTopicPermissions / getTopicPermission
 *   importDefinitions(RabbitMQ definitions JSON) / exportDefinitions()
 *
 * Connection (sasl.ts, login.ts)
 *   MECHANISMS_STRING = 'AMQPLAIN PLAIN'   (connection.start mechanisms, as RabbitMQ 3.10)
 *   parsePlainResponse(bytes): Credentials | null
 *   parseAmqplainResponse(decodedTable): Credentials | null
 *   login(registry, { mechanism, credentials, remoteAddress, loopbackUsers? })
 *     → { user } | { error: AuthError, reason }   (reason is for the log; error text is RabbitMQ's)
 *   checkVhostAccess(registry, user, vhost): AuthError | null     (connection.open, 530)
 *
 * Channel operations (authorize.ts)
 *   authorize(registry, { user, vhost }, op: Operation): AuthError | null
 *     op.method: exchange.declare (creates, alternateExchange?) | exchange.delete | queue.declare
 *     (creates, deadLetterExchange?) | queue.delete | queue.purge | basic.get | basic.consume |
 *     queue.bind/unbind (source facts) | exchange.bind/unbind (sourceFacts) | basic.publish
 *     (target facts, userId?). Passive declares need no check. Checks run in RabbitMQ's order.
 *   checkResourceAccess / checkTopicAccess / checkUserId / expandTopicVariables
 *
 * Broker wiring (registry-access.ts)
 *   registryAccessControl(registry, loopbackUsers?)   an object matching electron/broker's AccessControl
 *
 * Errors (errors.ts)
 *   AuthError { replyCode: 403 | 406 | 503 | 530, replyText, scope: 'connection' | 'channel' }
 *   e.g. "ACCESS_REFUSED - access to queue 'x' in vhost '/' refused for user 'u'",
 *        "NOT_ALLOWED - vhost x not found", "NOT_ALLOWED - access to vhost '/' refused for user 'u'"
 */
export * from './password-hashing.js';
export * from './loopback.js';
export * from './errors.js';
export * from './registry.js';
export * from './sasl.js';
export * from './login.js';
export * from './authorize.js';
export * from './registry-access.js';
