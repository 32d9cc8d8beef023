import { useEffect, useRef, useState } from 'react';
import type { TopologyGraph } from '../../../shared/topology/graph-model.js';
import { createLayoutClient, type LayoutClient } from './layout-client.js';
import type { LayoutEngine } from './layout-protocol.js';
import { sizeOf } from './node-size.js';
import { placeNodes, type Point } from './placement.js';

export type LayoutState = {
  positions: ReadonlyMap<string, Point>;
  /** Layouts run so far; a count update must not add one. */
  runs: number;
  /** The last layout's time in the worker. */
  ms: number | null;
  engine: LayoutEngine | null;
  running: boolean;
  error: string | null;
};

/** Node and edge ids, so a graph rebuilt with the same structure (a refetch with no change) is not laid out again. */
function structureKey(graph: TopologyGraph): string {
  return `${graph.nodes.map((n) => n.id).join('\n')}\n\n${graph.edges.map((e) => `${e.source}>${e.target}`).join('\n')}`;
}

/**
 * Lays the graph out in the worker when its structure changes. `fresh`
 * changes when the user asks for a new picture (re-layout, expand, show the
 * default exchange): every unpinned node moves. Otherwise a changed structure
 * keeps the nodes already placed where they are, and new ones go into free
 * space, those without a neighbour near `viewCentre()`.
 */
export function useLayout(graph: TopologyGraph, pinned: ReadonlyMap<string, Point>, fresh: number, viewCentre: () => Point | null): LayoutState {
  const clientRef = useRef<LayoutClient | null>(null);
  const lastRef = useRef<{ key: string; fresh: number } | null>(null);
  const tokenRef = useRef(0);
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;
  const centreRef = useRef(viewCentre);
  centreRef.current = viewCentre;
  const [state, setState] = useState<LayoutState>({ positions: new Map(), runs: 0, ms: null, engine: null, running: false, error: null });
  const positionsRef = useRef(state.positions);
  positionsRef.current = state.positions;

  useEffect(() => {
    const client = createLayoutClient();
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
      // A layout asked of this worker will never answer: the next one must run again.
      lastRef.current = null;
    };
  }, []);

  useEffect(() => {
    const client = clientRef.current;
    if (!client) return;
    const key = structureKey(graph);
    const last = lastRef.current;
    if (last && last.key === key && last.fresh === fresh) return;
    const incremental = last !== null && last.fresh === fresh && positionsRef.current.size > 0;
    lastRef.current = { key, fresh };
    // Only the latest layout lands; a graph rebuilt with the same structure starts none and cancels none.
    const token = ++tokenRef.current;
    setState((s) => ({ ...s, running: true }));
    client
      .layout({
        nodes: graph.nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
        edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
      })
      .then(({ positions, ms, engine }) => {
        if (token !== tokenRef.current) return;
        const sizes = new Map(graph.nodes.map((n) => [n.id, sizeOf(n)]));
        const placed = placeNodes({
          ids: graph.nodes.map((n) => n.id),
          edges: graph.edges,
          laidOut: positions,
          pinned: pinnedRef.current,
          previous: positionsRef.current,
          incremental,
          sizeOf: (id) => sizes.get(id) ?? { width: 0, height: 0 },
          centre: incremental ? centreRef.current() : null,
        });
        setState((s) => ({ positions: placed, runs: s.runs + 1, ms, engine, running: false, error: null }));
      })
      .catch((error: unknown) => {
        if (token === tokenRef.current) setState((s) => ({ ...s, running: false, error: error instanceof Error ? error.message : String(error) }));
      });
  }, [graph, fresh]);

  return state;
}
