import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { ReactFlowProvider, useStoreApi } from '@xyflow/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { followViewport, viewOf } from '../../../../renderer/views/topology/canvas/follow-viewport.js';

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

const flowStore = () => renderHook(() => useStoreApi(), { wrapper: ({ children }: { children: ReactNode }) => <ReactFlowProvider>{children}</ReactFlowProvider> }).result.current;

describe('the topology canvases follow the viewport', () => {
  it('see the graph in flow coordinates: panned by the translation, scaled by the zoom', () => {
    expect(viewOf({ transform: [100, -60, 1], width: 800, height: 600 })).toEqual({ minX: -100, minY: 60, maxX: 700, maxY: 660 });
    expect(viewOf({ transform: [-100, 50, 2], width: 800, height: 600 })).toEqual({ minX: 50, minY: -25, maxX: 450, maxY: 275 });
  });

  it('paint at once, on a pan, zoom or resize only, after a theme change with the colours re-read, and no more once stopped', async () => {
    const store = flowStore();
    const calls: string[] = [];
    const stop = followViewport(
      store,
      () => calls.push('paint'),
      () => calls.push('theme'),
    );
    expect(calls).toEqual(['paint']);
    store.setState({ transform: [10, 0, 1] });
    store.setState({ width: 640 });
    store.setState({ nodesDraggable: false });
    expect(calls).toEqual(['paint', 'paint', 'paint']);
    document.documentElement.dataset.theme = 'dark';
    await waitFor(() => expect(calls).toEqual(['paint', 'paint', 'paint', 'theme', 'paint']));
    stop();
    store.setState({ transform: [20, 0, 1] });
    document.documentElement.dataset.theme = 'light';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(5);
  });
});
