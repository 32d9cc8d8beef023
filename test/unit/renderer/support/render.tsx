import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createConsoleStore, type ConsoleStore } from '../../../../renderer/state/consoleStore.js';
import { initialConsoleState, type ConsoleState } from '../../../../renderer/state/consoleState.js';
import { StoreProvider } from '../../../../renderer/state/StoreProvider.js';
import { FakeClient } from './fakeClient.js';

/** Renders `ui` over a store that starts from `state`, without the initial load. */
export function renderWithStore(ui: ReactNode, state: Partial<ConsoleState> = {}, client: FakeClient = new FakeClient()) {
  const store: ConsoleStore = createConsoleStore(client, { ...initialConsoleState(), loaded: true, seq: 1, ...state });
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, client };
}

/**
 * happy-dom does no layout: give scroll containers a viewport so the
 * virtualizer has a window to fill. Returns the restore function.
 */
export function fakeViewport(height = 560, width = 1200): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    for (const [name, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, name, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[name];
    }
  };
}
