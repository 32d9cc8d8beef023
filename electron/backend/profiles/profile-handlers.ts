import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { ProfileStore } from './profile-store.js';

type ProfileHandlers = Pick<ConsoleHandlers, 'profiles.list' | 'profiles.save' | 'profiles.duplicate' | 'profiles.remove'>;

export function profileHandlers(store: ProfileStore): ProfileHandlers {
  return {
    'profiles.list': () => store.list(),
    'profiles.save': (input) => store.save(input),
    'profiles.duplicate': ({ id }) => store.duplicate(id),
    'profiles.remove': async ({ id }) => ({ removed: await store.remove(id) }),
  };
}
