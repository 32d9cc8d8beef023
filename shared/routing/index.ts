/**
 * shared/routing: RabbitMQ's routing rules as pure functions, used by the
 * embedded broker on every publish and by the console's route explainer.
 * No Node APIs and no imports from outside shared/: it runs in the browser.
 *
 * Model (model.ts)
 *   ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers'
 *   RoutingExchange { name, type, internal?, alternateExchange? }
 *   RoutingBinding  { source, destination, destinationType: 'queue' | 'exchange', routingKey, arguments? }
 *   RoutingMessage  { exchange, routingKey, headers? }
 *   RoutingModel    { exchanges, bindings, queues }   one vhost
 *   FieldTable = Readonly<Record<string, FieldValue>>  decoded AMQP table; values typed ({ type: 'S', value })
 *                                                      as the broker's codec gives them, or plain (null = void)
 *   DEFAULT_EXCHANGE = ''
 *
 * Matchers, one exchange type each
 *   topicMatches(bindingKey, routingKey): boolean         topic.ts
 *   splitTopicKey(key): string[]                          "" has zero words; "a..b" has an empty one
 *   TopicTrie<T>: add(key, v) / remove(key, v) / match(routingKey, found)
 *   directMatches(bindingKey, routingKey): boolean        direct.ts
 *   fanoutMatches(): true                                 fanout.ts
 *   headersMatch(bindingArgs, headers): boolean           headers.ts
 *   parseXMatch(args): XMatch; compileHeadersPattern(args); matchHeadersPattern(p, headers)
 *   xMatchError(args): string | null                      PRECONDITION_FAILED text for a bad x-match
 *   explainHeadersMatch(args, headers): HeadersExplanation
 *   fieldValuesEqual(a, b): boolean                       Erlang == on decoded field values
 *   isTypedFieldValue(v) / unwrapFieldValue(v) / isVoid(v) / FIELD_TYPE_NAMES
 *   bindingIdentity(binding): string                      equal for bindings RabbitMQ treats as the same
 *   messageRoutingKeys(routingKey, headers): { keys } | { error }   key + CC + BCC (rabbit_basic:header_routes)
 *   fieldTypeName(v): string                              RabbitMQ's type name of a typed or plain value
 *
 * Broker hot path (table.ts): hold one RoutingTable per vhost
 *   const t = new RoutingTable()  or  buildRoutingTable(model)
 *   t.declareExchange(x)  t.deleteExchange(name): RoutingBinding[]   (removed bindings, to cascade auto-delete)
 *   t.declareQueue(name)  t.deleteQueue(name): RoutingBinding[]
 *   t.addBinding(b): boolean (false if it already existed)   t.removeBinding(b): boolean (false if absent)
 *   t.hasExchange / getExchange / hasQueue / hasBinding / bindingsFrom(source) / bindingsTo(type, name) / toModel()
 *   t.route(exchange, routingKeys, headers?): string[]  queue names, each once; [] = unroutable
 *     routingKeys: the key, or all of a message's keys at once (messageRoutingKeys adds CC and BCC):
 *     the AE decision needs them together.
 *     Follows e2e bindings and alternate exchanges (chained) as rabbit_exchange:route/2: each exchange
 *     visited once per message (cycle-safe); an AE is used only when its exchange's own bindings matched
 *     nothing; the default exchange '' reaches the queue named by the key if declared. The broker keeps
 *     validation (403/404/406), internal-exchange publish refusal and direct reply-to.
 *
 * Route explainer (explain.ts): same walk, with reasons; allocates, not for the hot path
 *   explainRoute(model, message): RouteExplanation { routingKeys, invalidMessage?, queues, routed, visits: ExchangeVisit[],
 *                                                    exchangeMissing, defaultQueue? }
 *   ExchangeVisit { exchange, type, internal, reachedVia, bindings: BindingVerdict[], alternate? }
 *   BindingVerdict { binding, matched, reason, headers?, outcome? }
 *   explainBinding(type, binding, message, routingKeys?)
 *   describeRoute(explanation): string[]               the same as sentences (describe.ts)
 */
export * from './model.js';
export * from './topic.js';
export * from './direct.js';
export * from './fanout.js';
export * from './headers.js';
export * from './field-values.js';
export * from './binding-key.js';
export * from './routing-keys.js';
export * from './table.js';
export * from './explain.js';
export * from './describe.js';
