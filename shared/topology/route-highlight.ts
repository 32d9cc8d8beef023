import type { RouteExplanation } from '../routing/explain.js';
import { DEFAULT_EXCHANGE } from '../routing/model.js';
import { alternateEdgeId, bindingEdgeId, exchangeNodeId, fanoutEdgeId, fanoutGroupNodeId, queueNodeId } from './ids.js';

/** Node and edge ids (shared/topology/ids.ts) of the path a message takes, for the graph to highlight. */
export interface RouteHighlight {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/**
 * The exchanges the message passes through, the bindings that matched, the
 * alternate-exchange hops taken and the queues reached. Skipped bindings are
 * left out: the graph dims what is not highlighted, which is how they show.
 * Ids of elements the graph does not draw at the moment are harmless.
 */
export function routeHighlight(e: RouteExplanation): RouteHighlight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (e.invalidMessage !== undefined || e.exchangeMissing) return { nodes, edges };
  if (e.message.exchange === DEFAULT_EXCHANGE) {
    nodes.add(exchangeNodeId(DEFAULT_EXCHANGE));
    for (const queue of e.queues) {
      nodes.add(queueNodeId(queue));
      edges.add(bindingEdgeId({ source: DEFAULT_EXCHANGE, destination: queue, destinationType: 'queue', routingKey: queue, arguments: {} }));
    }
    return { nodes, edges };
  }
  for (const visit of e.visits) {
    nodes.add(exchangeNodeId(visit.exchange));
    for (const v of visit.bindings) {
      if (!v.matched || v.outcome === 'exchange-missing') continue;
      edges.add(bindingEdgeId({ ...v.binding, arguments: v.binding.arguments ?? {} }));
      if (v.outcome === 'queue') {
        nodes.add(queueNodeId(v.binding.destination));
        // When the graph folds this exchange's queues into one "+N queues" group, the group stands for the queue.
        nodes.add(fanoutGroupNodeId(visit.exchange));
        edges.add(fanoutEdgeId(visit.exchange));
      }
    }
    if (visit.alternate?.outcome === 'used' || visit.alternate?.outcome === 'already-visited') {
      edges.add(alternateEdgeId(visit.exchange, visit.alternate.exchange));
    }
  }
  return { nodes, edges };
}
