import { directMatches } from './direct.js';
import { explainHeadersMatch, type HeadersExplanation } from './headers.js';
import {
  DEFAULT_EXCHANGE,
  type ExchangeType,
  type RoutingBinding,
  type RoutingExchange,
  type RoutingMessage,
  type RoutingModel,
} from './model.js';
import { messageRoutingKeys } from './routing-keys.js';
import { topicMatches } from './topic.js';

/** How the walk reached an exchange. */
export type ReachedVia =
  | { readonly kind: 'publish' }
  | { readonly kind: 'binding'; readonly from: string; readonly binding: RoutingBinding }
  | { readonly kind: 'alternate'; readonly from: string };

/** What became of a matching binding's destination. */
export type DestinationOutcome =
  | 'queue'
  /** Another exchange, visited next. */
  | 'exchange'
  /** Another exchange, already visited for this message (a cycle or a diamond): not visited twice. */
  | 'exchange-already-visited'
  | 'exchange-missing';

export interface BindingVerdict {
  readonly binding: RoutingBinding;
  readonly matched: boolean;
  /** One sentence for the console: why it matched or did not. */
  readonly reason: string;
  /** Present for headers exchanges: the key-by-key comparison. */
  readonly headers?: HeadersExplanation;
  /** Present when matched. */
  readonly outcome?: DestinationOutcome;
}

export type AlternateOutcome =
  /** The exchange's own bindings matched nothing, so the message went to its alternate exchange. */
  | 'used'
  /** Some binding matched, so the alternate exchange was not consulted. */
  | 'not-needed'
  | 'missing'
  | 'already-visited';

export interface ExchangeVisit {
  readonly exchange: string;
  readonly type: ExchangeType;
  readonly internal: boolean;
  readonly reachedVia: ReachedVia;
  readonly bindings: readonly BindingVerdict[];
  readonly alternate?: { readonly exchange: string; readonly outcome: AlternateOutcome };
}

export interface RouteExplanation {
  readonly message: RoutingMessage;
  /** The routing key followed by the CC and BCC header keys, all routed at once. */
  readonly routingKeys: readonly string[];
  /** Set when RabbitMQ would refuse the message (a CC or BCC header that is not an array): nothing is routed. */
  readonly invalidMessage?: string;
  /** Same set as RoutingTable.route for the same model and message, in the order the walk reached them. */
  readonly queues: readonly string[];
  readonly routed: boolean;
  /** Every exchange the message passed through, breadth first from the one it was published to. */
  readonly visits: readonly ExchangeVisit[];
  /** Set when the walk could not start: the exchange does not exist. */
  readonly exchangeMissing: boolean;
  /** For the default exchange: the queue named by the routing key, and whether it exists. */
  readonly defaultQueue?: { readonly queue: string; readonly exists: boolean };
}

function q(s: string): string {
  return `'${s}'`;
}

/**
 * Whether one binding of an exchange of `type` matches any of the routing
 * keys (the message's key and its CC/BCC keys), and the sentence that says why.
 */
export function explainBinding(
  type: ExchangeType,
  binding: RoutingBinding,
  message: RoutingMessage,
  routingKeys: readonly string[] = [message.routingKey],
): Pick<BindingVerdict, 'matched' | 'reason' | 'headers'> {
  const keys = routingKeys.map(q).join(', ');
  const several = routingKeys.length > 1;
  switch (type) {
    case 'fanout':
      return { matched: true, reason: 'fanout exchanges route to every binding' };
    case 'direct': {
      const hit = routingKeys.find((k) => directMatches(binding.routingKey, k));
      if (hit !== undefined) return { matched: true, reason: `routing key ${q(hit)} equals the binding key` };
      return {
        matched: false,
        reason: several
          ? `none of the routing keys ${keys} is the binding key ${q(binding.routingKey)}`
          : `routing key ${keys} is not the binding key ${q(binding.routingKey)}`,
      };
    }
    case 'topic': {
      const hit = routingKeys.find((k) => topicMatches(binding.routingKey, k));
      if (hit !== undefined) return { matched: true, reason: `routing key ${q(hit)} matches the pattern ${q(binding.routingKey)}` };
      return {
        matched: false,
        reason: several
          ? `none of the routing keys ${keys} matches the pattern ${q(binding.routingKey)}`
          : `routing key ${keys} does not match the pattern ${q(binding.routingKey)}`,
      };
    }
    case 'headers': {
      const headers = explainHeadersMatch(binding.arguments, message.headers);
      return { matched: headers.matched, reason: headersReason(headers), headers };
    }
  }
}

function headersReason(h: HeadersExplanation): string {
  const considered = h.keys.filter((k) => k.verdict !== 'ignored');
  const ok = considered.filter((k) => k.verdict === 'equal' || k.verdict === 'present').map((k) => k.key);
  const bad = considered.filter((k) => k.verdict === 'different' || k.verdict === 'missing');
  const describe = bad.map((k) => `${q(k.key)} ${k.verdict}`).join(', ');
  const all = h.mode === 'all' || h.mode === 'all-with-x';
  if (considered.length === 0) {
    return all
      ? `x-match ${h.mode} with no headers to compare matches every message`
      : `x-match ${h.mode} with no headers to compare matches no message`;
  }
  if (all) return h.matched ? `x-match ${h.mode}: every header matched` : `x-match ${h.mode}: ${describe}`;
  return h.matched ? `x-match ${h.mode}: ${ok.map(q).join(', ')} matched` : `x-match ${h.mode}: none matched (${describe})`;
}

/**
 * Walks the model the way RoutingTable.route does and records why each
 * binding matched or not. Allocates freely: this is for the console's route
 * explainer and for tests, not for the broker's publish path.
 */
export function explainRoute(model: RoutingModel, message: RoutingMessage): RouteExplanation {
  const exchanges = new Map<string, RoutingExchange>(model.exchanges.map((x) => [x.name, x]));
  const parsed = messageRoutingKeys(message.routingKey, message.headers);
  if ('error' in parsed) {
    return {
      message,
      routingKeys: [message.routingKey],
      invalidMessage: parsed.error,
      queues: [],
      routed: false,
      visits: [],
      exchangeMissing: false,
    };
  }
  const routingKeys = parsed.keys;
  if (message.exchange === DEFAULT_EXCHANGE) {
    const queues = [...new Set(routingKeys.filter((k) => model.queues.includes(k)))];
    const exists = model.queues.includes(message.routingKey);
    return {
      message,
      routingKeys,
      queues,
      routed: queues.length > 0,
      visits: [],
      exchangeMissing: false,
      defaultQueue: { queue: message.routingKey, exists },
    };
  }
  const start = exchanges.get(message.exchange);
  if (start === undefined) return { message, routingKeys, queues: [], routed: false, visits: [], exchangeMissing: true };

  const bySource = new Map<string, RoutingBinding[]>();
  for (const b of model.bindings) {
    const list = bySource.get(b.source);
    if (list === undefined) bySource.set(b.source, [b]);
    else list.push(b);
  }
  const queues: string[] = [];
  const visits: ExchangeVisit[] = [];
  const seen = new Set<string>([start.name]);
  const pending: { x: RoutingExchange; via: ReachedVia }[] = [{ x: start, via: { kind: 'publish' } }];
  const reach = (name: string, via: ReachedVia): DestinationOutcome => {
    const next = exchanges.get(name);
    if (next === undefined) return 'exchange-missing';
    if (seen.has(name)) return 'exchange-already-visited';
    seen.add(name);
    pending.push({ x: next, via });
    return 'exchange';
  };

  for (let i = 0; i < pending.length; i++) {
    const { x, via } = pending[i] as (typeof pending)[number];
    let anyMatched = false;
    const verdicts = (bySource.get(x.name) ?? []).map((binding): BindingVerdict => {
      const verdict = explainBinding(x.type, binding, message, routingKeys);
      if (!verdict.matched) return { binding, ...verdict };
      anyMatched = true;
      if (binding.destinationType === 'queue') {
        if (!queues.includes(binding.destination)) queues.push(binding.destination);
        return { binding, ...verdict, outcome: 'queue' };
      }
      return { binding, ...verdict, outcome: reach(binding.destination, { kind: 'binding', from: x.name, binding }) };
    });
    let alternate: ExchangeVisit['alternate'];
    if (x.alternateExchange !== undefined) {
      if (anyMatched) alternate = { exchange: x.alternateExchange, outcome: 'not-needed' };
      else {
        const outcome = reach(x.alternateExchange, { kind: 'alternate', from: x.name });
        alternate = {
          exchange: x.alternateExchange,
          outcome: outcome === 'exchange' ? 'used' : outcome === 'exchange-missing' ? 'missing' : 'already-visited',
        };
      }
    }
    visits.push({
      exchange: x.name,
      type: x.type,
      internal: x.internal === true,
      reachedVia: via,
      bindings: verdicts,
      ...(alternate === undefined ? {} : { alternate }),
    });
  }
  return { message, routingKeys, queues, routed: queues.length > 0, visits, exchangeMissing: false };
}
