/** The topology graph as data: what the view lays out and draws, independent of any drawing library. */
export type ExchangeNode = {
  id: string;
  kind: 'exchange';
  name: string;
  type: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  policy: string | null;
  /** Named by a dead-letter or alternate-exchange setting but not declared: messages sent there are dropped. */
  missing: boolean;
};

export type QueueNode = {
  id: string;
  kind: 'queue';
  name: string;
  queueType: string;
  durable: boolean;
  autoDelete: boolean;
  exclusive: boolean;
  policy: string | null;
};

/** An exchange's queues folded into one node, while the fan-out is collapsed. */
export type GroupNode = {
  id: string;
  kind: 'group';
  exchange: string;
  /** Ids of the queue nodes folded in. */
  members: string[];
  memberNames: string[];
};

export type GraphNode = ExchangeNode | QueueNode | GroupNode;

export type EdgeKind = 'binding' | 'dead-letter' | 'alternate' | 'fanout';

export type GraphEdge = {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
};

export type TopologyGraph = {
  nodes: GraphNode[];
  edges: GraphEdge[];
};
