/** Messages between the view and the layout worker: sizes in, top-left positions out. */
export type LayoutRequest = {
  seq: number;
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
};

export type LayoutResponse =
  | { seq: number; ok: true; positions: Record<string, { x: number; y: number }>; ms: number; engine: LayoutEngine }
  | { seq: number; ok: false; error: string };

/** ELK's layered algorithm, or the fast layered layout used past ELK_NODE_LIMIT nodes. */
export type LayoutEngine = 'elk' | 'fast';
