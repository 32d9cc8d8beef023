import { bindingLabel } from '../../../../shared/topology/edge-label.js';
import { bindingEdgeId, destinationNodeId, exchangeNodeId, queueNodeId } from '../../../../shared/topology/ids.js';
import type { GraphOverlay, OverlayEdge, OverlayNode } from '../graph-extensions.js';
import { type Edit, vhostOf } from './pending-edits.js';

/**
 * The pending set drawn over the graph of one vhost: additions dashed,
 * removals struck out, a changed (deleted and declared again) exchange or
 * queue marked on its node; its re-declared bindings are the ones already
 * drawn. A pending binding is labelled as a real one is, which needs the
 * type of its source exchange (headers and fanout label differently).
 */
export function pendingOverlay(edits: readonly Edit[], vhost: string, exchangeTypeOf: (name: string) => string | null): GraphOverlay {
  const nodes: OverlayNode[] = [];
  const edges: OverlayEdge[] = [];
  for (const edit of edits) {
    if (vhostOf(edit) !== vhost) continue;
    if (edit.op === 'change') {
      const { after } = edit;
      nodes.push(after.kind === 'declareExchange' ? { id: exchangeNodeId(after.name), kind: 'exchange', name: after.name, type: after.type, change: 'change' } : { id: queueNodeId(after.name), kind: 'queue', name: after.name, change: 'change' });
      continue;
    }
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
          label: bindingLabel(exchangeTypeOf(c.source) ?? 'direct', c.routingKey, c.arguments ?? {}),
          change,
        });
        break;
    }
  }
  return { nodes, edges };
}
