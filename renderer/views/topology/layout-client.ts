import type { LayoutEngine, LayoutRequest, LayoutResponse } from './layout-protocol.js';

export type LayoutResult = { positions: Record<string, { x: number; y: number }>; ms: number; engine: LayoutEngine };

export type LayoutClient = {
  /** Lays out a graph; a newer request supersedes an unfinished one, whose promise then never settles. */
  layout(graph: Omit<LayoutRequest, 'seq'>): Promise<LayoutResult>;
  dispose(): void;
};

/** The one layout worker of a graph view. */
export function createLayoutClient(): LayoutClient {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'topology-layout' });
  let seq = 0;
  let pending: { seq: number; resolve: (r: LayoutResult) => void; reject: (e: Error) => void } | null = null;
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const answer = event.data;
    if (!pending || answer.seq !== pending.seq) return;
    const { resolve, reject } = pending;
    pending = null;
    if (answer.ok) resolve({ positions: answer.positions, ms: answer.ms, engine: answer.engine });
    else reject(new Error(answer.error));
  };
  worker.onerror = (event) => {
    pending?.reject(new Error(event.message || 'The layout worker failed'));
    pending = null;
  };
  return {
    layout(graph) {
      seq += 1;
      const request: LayoutRequest = { seq, ...graph };
      return new Promise<LayoutResult>((resolve, reject) => {
        pending = { seq: request.seq, resolve, reject };
        worker.postMessage(request);
      });
    },
    dispose: () => worker.terminate(),
  };
}
