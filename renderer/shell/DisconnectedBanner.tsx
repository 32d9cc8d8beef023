import { formatClock, retryingIn } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { errorMessage } from '../state/consoleStore.js';
import { sessionProfile } from '../state/selectors.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { Icon } from '../components/Icon.js';

/** Says the data below is the last known, why, and offers to retry now. */
export function DisconnectedBanner() {
  const client = useClient();
  const session = useConsole((s) => s.session);
  const profile = useConsole(sessionProfile);
  const now = useNow();
  if (!session || session.status !== 'disconnected') return null;
  const name = profile?.name ?? 'the broker';
  return (
    <div className="banner banner--error" role="alert">
      <Icon name="warning" />
      <div className="banner__text">
        <strong>
          Disconnected from {name}
          {session.error ? ':' : ''}
        </strong>{' '}
        {session.error}
        <span className="banner__muted">
          {session.lastSampleAt !== null ? ` · showing data from ${formatClock(session.lastSampleAt)}` : ''}
          {session.retryAt !== null ? ` · ${retryingIn(session.retryAt, now)}` : ''}
        </span>
      </div>
      <button
        type="button"
        className="button button--small"
        onClick={() => client.call('session.retry', {}).catch((error: unknown) => console.warn('session.retry failed:', errorMessage(error)))}
      >
        <Icon name="refresh" size={14} />
        Retry
      </button>
    </div>
  );
}
