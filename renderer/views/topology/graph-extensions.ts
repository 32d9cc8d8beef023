import { createContext, useContext, type ReactNode } from 'react';

/**
 * What other features plug into the topology graph without owning it: the
 * route explainer highlights the path a message takes, the graph editor
 * draws pending changes and receives the user's gestures. Node and edge ids
 * are those of shared/topology/ids.ts.
 */
export type GraphHighlight = {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
};

/** Added, removed, or changed: deleted and declared again with other properties. */
export type OverlayChange = 'add' | 'remove' | 'change';

export type OverlayNode = {
  id: string;
  kind: 'exchange' | 'queue';
  name: string;
  /** Exchange type, for an exchange. */
  type?: string;
  change: OverlayChange;
};

export type OverlayEdge = {
  id: string;
  source: string;
  target: string;
  label?: string;
  change: OverlayChange;
};

/** Pending additions are drawn dashed in green; removals in red over the existing element; changes marked in amber. */
export type GraphOverlay = {
  nodes: readonly OverlayNode[];
  edges: readonly OverlayEdge[];
};

export type GraphSelection = { nodes: string[]; edges: string[] };

export type GraphExtensions = {
  /** Dims everything else. */
  highlight?: GraphHighlight | null;
  overlay?: GraphOverlay | null;
  /** The user dragged from one node's handle to another's. Without it, nodes cannot be connected. */
  onConnect?(source: string, target: string): void;
  /** The user pressed Delete or Backspace with these selected. Without it, nothing is deletable. */
  onDeleteSelection?(selection: GraphSelection): void;
  onSelectionChange?(selection: GraphSelection): void;
  /** Extra controls at the end of the graph's toolbar. */
  toolbar?: ReactNode;
  /** A side panel beside the graph (the explainer's form, the editor's change list). */
  panel?: ReactNode;
};

export const GraphExtensionsContext = createContext<GraphExtensions>({});

export const useGraphExtensions = (): GraphExtensions => useContext(GraphExtensionsContext);
