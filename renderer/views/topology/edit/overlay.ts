import { bindingEdgeId, destinationNodeId, exchangeNodeId, queueNodeId } from '../../../../shared/topology/ids.js';
import type { GraphOverlay, OverlayEdge, OverlayNode } from '../graph-extensions.js';
import { type Edit, vhostOf } from './pending-edits.js';

/**
 * The pending set drawn over the graph of one vhost: additions dashed,
 * removals struck out. A changed exchange or queue keeps its node; its
 * re-declared bindings are the ones already drawn.
 */
export function pendingOverlay(edits: readonly Edit[], vhost: string): GraphOverlay {
  const nodes: OverlayNode[] = [];
  const edges: OverlayEdge[] = [];
  for (const edit of edits) {
    if (edit.op === 'change' || vhostOf(edit) !== vhost) continue;
    const change = edit.op === 'add' ? 'add' : 'remove';
    const c = edit.change;
    switch (c.kind) {
      case 'declareExchange':
        nodes.push({ id: exchangeNodeId(c.name), kind: 'exchange', name: c.name, type: c.type, change });
        break;
      case 'declareQueue':
        nodes.push({ id: queueNodeId(c.name), kind: 'queue', name: c.name, change });
        break;
      case 'deleteExchange':
        nodes.push({ id: exchangeNodeId(c.name), kind: 'exchange', name: c.name, change });
        break;
      case 'deleteQueue':
        nodes.push({ id: queueNodeId(c.name), kind: 'queue', name: c.name, change });
        break;
      case 'bind':
      case 'unbind':
        edges.push({
          id: bindingEdgeId(c),
          source: exchangeNodeId(c.source),
          target: destinationNodeId(c.destinationType, c.destination),
          label: c.routingKey,
          change,
        });
        break;
    }
  }
  return { nodes, edges };
}
