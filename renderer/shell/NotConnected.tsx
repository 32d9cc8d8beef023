import { EmptyState } from '../components/EmptyState.js';
import { hrefOf } from '../navigation/routes.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { hostOf } from './ProfileSwitcher.js';

/** Shown in place of a view before any broker has been connected. */
export function NotConnected() {
  const client = useClient();
  const profiles = useConsole((s) => s.profiles);
  const session = useConsole((s) => s.session);
  if (session?.status === 'connecting') {
    return <EmptyState title="Connecting…">The first sample appears in a moment.</EmptyState>;
  }
  return (
    <EmptyState title="Not connected — choose a broker">
      <div className="connect-list">
        {profiles.map((profile) => (
          <button
            key={profile.id}
            type="button"
            className="connect-list__item"
            onClick={() => client.call('session.connect', { id: profile.id }).catch((error: unknown) => console.warn('session.connect failed:', errorMessage(error)))}
          >
            <span className="connect-list__name">{profile.name}</span>
            <span className="connect-list__host">{hostOf(profile.amqpUri)}</span>
          </button>
        ))}
      </div>
      <a href={hrefOf('profiles')}>Manage profiles</a>
    </EmptyState>
  );
}
