import { type RouteExplanation, explainRoute } from '../routing/explain.js';
import { DEFAULT_EXCHANGE, type RoutingMessage } from '../routing/model.js';
import type { RouteModel } from './route-model.js';

/**
 * What a mandatory publish would come back with: delivered to queues,
 * returned as unroutable (312 NO_ROUTE), or refused by a channel error
 * before routing. 'unknown' when the path crosses an exchange type Warren
 * cannot route (a plugin's), so it makes no claim.
 */
export type PredictedOutcome = 'routed' | 'returned' | 'refused' | 'unknown';

export interface RoutePrediction {
  readonly explanation: RouteExplanation;
  readonly outcome: PredictedOutcome;
  /** The queues the message reaches: the explanation's, or none when the publish is refused (the walk may still follow an internal exchange). */
  readonly queues: readonly string[];
  /** The channel error RabbitMQ closes the channel with, when refused. */
  readonly refusal?: { readonly code: number; readonly text: string };
  /** Exchanges on the path of a type shared/routing does not implement, with that type. */
  readonly unpredictable: readonly { readonly exchange: string; readonly type: string }[];
}

/** Exchanges the walk wanted to enter but could not find in the model: missing, or left out as unsupported. */
function unreached(e: RouteExplanation): string[] {
  const names: string[] = [];
  if (e.exchangeMissing) names.push(e.message.exchange);
  for (const visit of e.visits) {
    for (const v of visit.bindings) if (v.outcome === 'exchange-missing') names.push(v.binding.destination);
    if (visit.alternate?.outcome === 'missing') names.push(visit.alternate.exchange);
  }
  return names;
}

export function predictRoute(route: RouteModel, message: RoutingMessage): RoutePrediction {
  const explanation = explainRoute(route.model, message);
  const unpredictable = unreached(explanation).flatMap((exchange) => {
    const type = route.unsupported.get(exchange);
    return type === undefined ? [] : [{ exchange, type }];
  });
  const refused = { explanation, unpredictable, queues: [], outcome: 'refused' } as const;
  if (explanation.invalidMessage !== undefined) {
    return { ...refused, refusal: { code: 406, text: `PRECONDITION_FAILED - invalid message: ${explanation.invalidMessage}` } };
  }
  if (explanation.exchangeMissing) {
    if (unpredictable.length > 0) return { ...refused, outcome: 'unknown' };
    return { ...refused, refusal: { code: 404, text: `NOT_FOUND - no exchange '${message.exchange}'` } };
  }
  const start = message.exchange === DEFAULT_EXCHANGE ? undefined : explanation.visits[0];
  if (start?.internal === true) {
    return { ...refused, refusal: { code: 403, text: `ACCESS_REFUSED - cannot publish to internal exchange '${message.exchange}'` } };
  }
  const base = { explanation, unpredictable, queues: explanation.queues };
  // A queue already reached stays reached whatever the plugin exchange does; only "returned" is in doubt.
  if (explanation.routed) return { ...base, outcome: 'routed' };
  return { ...base, outcome: unpredictable.length > 0 ? 'unknown' : 'returned' };
}
