import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { Logger } from '../logger.js';
import type { SessionController } from '../session/session-controller.js';
import type { ProfileStore } from './profile-store.js';

type ProfileHandlers = Pick<ConsoleHandlers, 'profiles.list' | 'profiles.save' | 'profiles.duplicate' | 'profiles.remove'>;

/**
 * Profile changes, kept consistent with the live session: editing the
 * connected profile reconnects with the new settings, removing it disconnects.
 */
export function profileHandlers(store: ProfileStore, session: SessionController, log: Logger): ProfileHandlers {
  return {
    'profiles.list': () => store.list(),
    'profiles.save': async (input) => {
      const saved = await store.save(input);
      if (session.state().profileId === saved.id) {
        // In the background: the form should not wait for the broker; session.state events follow.
        session.connect(saved.id).catch((err: unknown) => log.warn('reconnect after edit failed', { id: saved.id, error: err instanceof Error ? err.message : String(err) }));
      }
      return saved;
    },
    'profiles.duplicate': ({ id }) => store.duplicate(id),
    'profiles.remove': async ({ id }) => {
      if (session.state().profileId === id) await session.disconnect();
      return { removed: await store.remove(id) };
    },
  };
}
