import { StatusDot } from '../components/StatusDot.js';
import { formatAgo, retryingIn } from '../format/time.js';
import { useNow } from '../hooks/useNow.js';
import { errorMessage } from '../state/consoleStore.js';
import { sessionProfile } from '../state/selectors.js';
import { useClient, useConsole } from '../state/StoreProvider.js';

/** The top bar's one-line answer to "is this data live?". */
export function SessionIndicator() {
  const client = useClient();
  const session = useConsole((s) => s.session);
  const profile = useConsole(sessionProfile);
  const backendReachable = useConsole((s) => s.backendReachable);
  const now = useNow();
  // Without the backend, the broker status below is only the last one heard.
  if (!backendReachable) {
    return (
      <div className="session-indicator is-error" role="status">
        <StatusDot status="disconnected" />
        <span className="session-indicator__error">Warren backend unreachable · reconnecting…</span>
      </div>
    );
  }
  if (!session || session.status === 'idle' || !profile) {
    return (
      <div className="session-indicator" role="status">
        <StatusDot status="idle" />
        <span>Not connected</span>
      </div>
    );
  }
  if (session.status === 'connecting') {
    return (
      <div className="session-indicator" role="status">
        <StatusDot status="connecting" />
        <span>Connecting to {profile.name}…</span>
      </div>
    );
  }
  if (session.status === 'disconnected') {
    return (
      <div className="session-indicator is-error" role="status">
        <StatusDot status="disconnected" />
        <span className="session-indicator__error" title={session.error ?? undefined}>
          Disconnected{session.retryAt !== null ? ` · ${retryingIn(session.retryAt, now)}` : ''}
        </span>
        <button
          type="button"
          className="button button--small"
          onClick={() => client.call('session.retry', {}).catch((error: unknown) => console.warn('session.retry failed:', errorMessage(error)))}
        >
          Retry
        </button>
      </div>
    );
  }
  return (
    <div className="session-indicator" role="status">
      <StatusDot status="connected" />
      <span>Connected</span>
      <span className="session-indicator__muted">
        {session.samplerPaused ? 'sampling paused' : session.lastSampleAt !== null ? `sampled ${formatAgo(session.lastSampleAt, now)}` : 'waiting for first sample'}
        {' · every '}
        {session.samplerIntervalMs / 1000}s
      </span>
    </div>
  );
}
