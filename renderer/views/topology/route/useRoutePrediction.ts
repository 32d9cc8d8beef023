import { useMemo } from 'react';
import type { TopologySnapshot } from '../../../../shared/model/topology.js';
import { type RouteHighlight, routeHighlight } from '../../../../shared/topology/route-highlight.js';
import { routeModelOf } from '../../../../shared/topology/route-model.js';
import { type RoutePrediction, predictRoute } from '../../../../shared/topology/route-prediction.js';
import { type ParsedHeaders, type RouteDraft, parseHeaders } from './route-form.js';

const NOTHING: RouteHighlight = { nodes: new Set(), edges: new Set() };

export interface RouteExplainerResult extends ParsedHeaders {
  readonly prediction: RoutePrediction;
  readonly highlight: RouteHighlight;
}

/**
 * The explanation of the draft against the snapshot, recomputed as the user
 * types: shared/routing is pure and fast, so there is no Explain button to
 * wait for. The routing model is rebuilt only when the snapshot changes.
 */
export function useRoutePrediction(snapshot: TopologySnapshot, draft: RouteDraft): RouteExplainerResult {
  const model = useMemo(() => routeModelOf(snapshot), [snapshot]);
  const parsed = useMemo(() => parseHeaders(draft.headers), [draft.headers]);
  return useMemo(() => {
    const prediction = predictRoute(model, { exchange: draft.exchange, routingKey: draft.routingKey, headers: parsed.headers });
    // A refused publish goes nowhere, even when the walk could follow an internal exchange's bindings.
    const highlight = prediction.outcome === 'refused' ? NOTHING : routeHighlight(prediction.explanation);
    return { ...parsed, prediction, highlight };
  }, [model, parsed, draft.exchange, draft.routingKey]);
}
