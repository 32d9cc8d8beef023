import { EmptyState } from '../components/EmptyState.js';
import { hrefOf } from '../navigation/routes.js';
import { errorMessage } from '../state/consoleStore.js';
import { sessionProfile } from '../state/selectors.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { hostOf } from '../format/uri.js';

/** Shown in place of a view while there is no data from any broker: what is going on, and the way out. */
export function NotConnected() {
  const client = useClient();
  const profiles = useConsole((s) => s.profiles);
  const session = useConsole((s) => s.session);
  const current = useConsole(sessionProfile);
  const others = profiles.filter((p) => p.id !== current?.id);

  const list =
    others.length > 0 ? (
      <div className="connect-list">
        {others.map((profile) => (
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
    ) : null;

  if (current && session?.status === 'connecting') {
    return <EmptyState title={`Connecting to ${current.name}…`}>The first sample appears in a moment.</EmptyState>;
  }
  if (current && session?.status === 'disconnected') {
    return (
      <EmptyState title={`No data from ${current.name} yet`}>
        <p>Warren keeps retrying. Fix the problem above, or switch to another broker:</p>
        {list}
        <a href={hrefOf('profiles')}>Edit profiles</a>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Not connected — choose a broker">
      {list ?? (current ? null : <p>Add a broker profile to start.</p>)}
      <a href={hrefOf('profiles')}>Manage profiles</a>
    </EmptyState>
  );
}
