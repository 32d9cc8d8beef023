import type { Node } from '@xyflow/react';
import type { ExchangeNode, GroupNode, QueueNode } from '../../../../shared/topology/graph-model.js';

/** React Flow nodes of the graph: the graph node itself, and whether the user pinned it. */
export type ExchangeFlowNode = Node<{ node: ExchangeNode; pinned: boolean }, 'exchange'>;
export type QueueFlowNode = Node<{ node: QueueNode; pinned: boolean }, 'queue'>;
export type GroupFlowNode = Node<{ node: GroupNode; pinned: boolean }, 'group'>;
export type TopologyFlowNode = ExchangeFlowNode | QueueFlowNode | GroupFlowNode;
