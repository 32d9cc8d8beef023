import { useEffect } from 'react';
import { errorMessage } from '../state/consoleStore.js';
import { useStore } from '../state/StoreProvider.js';

/**
 * The backend creates the "Embedded broker" profile when the broker first
 * comes up, which may be after the page loaded its profiles. When the page
 * hears of a profile it does not know (the embedded broker's, or the one the
 * session is on), it reads the profiles again, so the console shows it and
 * the session on it with no reload. Event-driven; one read per profile id,
 * so a failure cannot loop.
 */
export function useEmbeddedProfileSync(): void {
  const store = useStore();
  useEffect(() => {
    let live = true;
    let embeddedProfileId: string | null = null;
    const readFor = new Set<string>();
    const check = () => {
      const state = store.getState();
      if (!state.loaded) return;
      for (const id of [embeddedProfileId, state.session?.profileId ?? null]) {
        if (id === null || readFor.has(id) || state.profiles.some((p) => p.id === id)) continue;
        readFor.add(id);
        store.client.call('profiles.list', {}).then(
          (profiles) => {
            if (live) store.dispatch({ type: 'profiles/loaded', profiles });
          },
          (error: unknown) => console.warn('profiles.list failed:', errorMessage(error)),
        );
        return;
      }
    };
    const offEvents = store.client.on('embedded.state', (state) => {
      embeddedProfileId = state.profileId;
      check();
    });
    const offStore = store.subscribe(check);
    return () => {
      live = false;
      offEvents();
      offStore();
    };
  }, [store]);
}
