import os from 'node:os';
import type { ConsoleHandlers } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/errors.js';
import { createDispatcher } from './dispatch.js';
import { createEventHub } from './events.js';
import { profileHandlers } from './profiles/profile-handlers.js';
import { createProfileStore } from './profiles/profile-store.js';
import type { Backend, BackendOptions } from './types.js';

/**
 * The console backend: profiles, broker sessions and the sampler behind one
 * dispatch function and one event stream. Plain Node, so both Electron main
 * and web mode host the very same object.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log.child('backend');
  const hub = createEventHub(log);
  const store = createProfileStore({ dataDir: options.dataDir, secretBox: options.secretBox, log: log.child('profiles') });
  // Reading the file up front makes a corrupt profiles file fail at startup, not on first click.
  await store.list();

  const notYet = async (): Promise<never> => {
    throw new ApiError('not_connected', 'Broker sessions are not available in this build yet');
  };

  const handlers: ConsoleHandlers = {
    'app.info': async () => ({
      name: 'Warren',
      version: options.version,
      transport: options.transport,
      dataDir: options.dataDir,
      platform: `${os.platform()}-${os.arch()}`,
    }),
    ...profileHandlers(store),
    'profiles.test': notYet,
    'session.connect': notYet,
    'session.disconnect': notYet,
    'session.retry': notYet,
    'session.state': notYet,
    'sampler.configure': notYet,
    'inventory.snapshot': notYet,
  };

  return {
    dispatch: createDispatcher(handlers, log),
    subscribe: hub.subscribe,
    close: async () => undefined,
  };
}
