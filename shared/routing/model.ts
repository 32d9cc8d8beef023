/**
 * The routing model: exchanges, bindings and a message, as the broker and the
 * route explainer both see them. Plain data so it can cross any transport.
 */

/** The exchange types RabbitMQ ships and the embedded broker implements. */
export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export const EXCHANGE_TYPES: readonly ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

export function isExchangeType(value: string): value is ExchangeType {
  return (EXCHANGE_TYPES as readonly string[]).includes(value);
}

export type DestinationType = 'queue' | 'exchange';

/**
 * A decoded AMQP field value. The matchers compare these the way Erlang's
 * `==` compares the terms RabbitMQ decodes (see `fieldValuesEqual`).
 */
export type FieldValue = unknown;

/** A decoded AMQP field table: message headers or binding arguments. */
export type FieldTable = Readonly<Record<string, FieldValue>>;

export interface RoutingExchange {
  readonly name: string;
  readonly type: ExchangeType;
  /** Internal exchanges refuse publishes from clients but still route what reaches them via bindings or as an AE. */
  readonly internal?: boolean;
  /** The `alternate-exchange` argument (or policy), already resolved to an exchange name. */
  readonly alternateExchange?: string;
}

export interface RoutingBinding {
  readonly source: string;
  readonly destination: string;
  readonly destinationType: DestinationType;
  readonly routingKey: string;
  readonly arguments?: FieldTable;
}

export interface RoutingMessage {
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers?: FieldTable;
}

/** One vhost's topology. `queues` lists existing queues: the default exchange only reaches those. */
export interface RoutingModel {
  readonly exchanges: readonly RoutingExchange[];
  readonly bindings: readonly RoutingBinding[];
  readonly queues: readonly string[];
}

/** The nameless default exchange: every queue is implicitly bound to it by its own name. */
export const DEFAULT_EXCHANGE = '';
