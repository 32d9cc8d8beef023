import type { TopologySnapshot } from '../../shared/model/topology.js';
import type { FieldTable } from '../../shared/model/workbench/field-value.js';
import { describeRoute } from '../../shared/routing/describe.js';
import type { ExchangeVisit } from '../../shared/routing/explain.js';
import { routeModelOf } from '../../shared/topology/route-model.js';
import { predictRoute } from '../../shared/topology/route-prediction.js';
import { plainHeaders } from './typed-value.js';

export interface RoutedMessage {
  readonly exchange: string;
  readonly routingKey: string;
  readonly headers: FieldTable;
}

const q = (s: string): string => `'${s}'`;

function visitReason(visit: ExchangeVisit, routingKey: string): string {
  const what = `exchange ${q(visit.exchange)}`;
  if (visit.bindings.length === 0) return `${what} has no bindings`;
  if (visit.type === 'headers') return `no binding of ${what} matches the message's headers`;
  if (visit.type === 'fanout') return `the bindings of ${what} lead nowhere that takes the message`;
  const matched = visit.bindings.some((b) => b.matched);
  return matched ? `the bindings of ${what} that match key ${q(routingKey)} lead nowhere that takes the message` : `no binding of ${what} matches key ${q(routingKey)}`;
}

export interface RoutePreview {
  readonly outcome: 'routed' | 'returned' | 'refused' | 'unknown';
  readonly text: string;
}

/** Queue names listed in a preview; the count says how many more. */
const PREVIEW_QUEUES = 3;

/** Where the form's message would go, as the route explainer predicts it: shown before publishing. */
export function routePreview(snapshot: TopologySnapshot, message: RoutedMessage): RoutePreview {
  const prediction = predictRoute(routeModelOf(snapshot), { exchange: message.exchange, routingKey: message.routingKey, headers: plainHeaders(message.headers) });
  switch (prediction.outcome) {
    case 'routed': {
      const names = prediction.queues.slice(0, PREVIEW_QUEUES).map(q).join(', ');
      const more = prediction.queues.length - PREVIEW_QUEUES;
      return { outcome: 'routed', text: `Routes to ${names}${more > 0 ? ` and ${more} more` : ''}` };
    }
    case 'refused':
      return { outcome: 'refused', text: `Refused: ${prediction.refusal?.code ?? ''} ${prediction.refusal?.text ?? ''}`.trim() };
    case 'unknown':
      return { outcome: 'unknown', text: `Cannot predict: it passes through ${prediction.unpredictable.map((u) => `${q(u.exchange)} (${u.type})`).join(', ')}` };
    case 'returned':
      return { outcome: 'returned', text: `Unroutable: ${returnReason(snapshot, message)}` };
  }
}

/**
 * Why a mandatory publish came back unroutable, in one sentence, worked out
 * with shared/routing (the embedded broker's own routing) over the vhost's
 * topology snapshot: the route explainer's reason, next to the broker's 312.
 */
export function returnReason(snapshot: TopologySnapshot, message: RoutedMessage): string {
  const prediction = predictRoute(routeModelOf(snapshot), { exchange: message.exchange, routingKey: message.routingKey, headers: plainHeaders(message.headers) });
  const { explanation } = prediction;
  if (prediction.outcome === 'refused') return `the broker refuses it: ${prediction.refusal?.code ?? ''} ${prediction.refusal?.text ?? ''}`.trim();
  if (prediction.outcome === 'routed') {
    return `the topology Warren last read routes it to ${prediction.queues.map(q).join(', ')}: it changed since, or a queue refused the message`;
  }
  if (explanation.defaultQueue !== undefined && !explanation.defaultQueue.exists) {
    return `the default exchange delivers to the queue named by the key, and there is no queue ${q(explanation.defaultQueue.queue)} in vhost ${q(snapshot.vhost)}`;
  }
  const [first, ...rest] = explanation.visits;
  if (first === undefined) return describeRoute(explanation).join(' ');
  const reason = visitReason(first, message.routingKey);
  const alternate = first.alternate;
  if (alternate?.outcome === 'missing') return `${reason}, and its alternate exchange ${q(alternate.exchange)} does not exist`;
  if (alternate?.outcome === 'used') {
    const next = rest.find((v) => v.exchange === alternate.exchange);
    return next ? `${reason}, nor does its alternate exchange's: ${visitReason(next, message.routingKey)}` : reason;
  }
  return reason;
}
