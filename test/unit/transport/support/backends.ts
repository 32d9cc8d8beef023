import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../../../electron/backend/backend.js';
import { createEventHub } from '../../../../electron/backend/events.js';
import { memoryLogger } from '../../../../electron/backend/logger.js';
import type { Backend } from '../../../../electron/backend/types.js';

export interface TestBackend {
  backend: Backend;
  /** Pushes an event as if the backend had (payload unchecked, to test what transports do with bad ones). */
  emit(event: string, payload: unknown): void;
  log: ReturnType<typeof memoryLogger>;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real backend on a temporary data folder. Its events are merged with a
 * test hub because no broker is running here to make the backend emit any.
 */
export async function startTestBackend(transport: 'electron' | 'web'): Promise<TestBackend> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-transport-'));
  const log = memoryLogger();
  const real = await createBackend({ dataDir, transport, version: '0.0.0-test', log });
  const hub = createEventHub(log);
  const backend: Backend = {
    dispatch: real.dispatch,
    subscribe(listener) {
      const a = real.subscribe(listener);
      const b = hub.subscribe(listener);
      return () => {
        a();
        b();
      };
    },
    close: real.close,
  };
  return {
    backend,
    emit: (event, payload) => hub.emit(event as never, payload as never),
    log,
    dataDir,
    close: async () => {
      await real.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
