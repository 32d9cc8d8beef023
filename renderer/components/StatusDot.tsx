import type { SessionStatus } from '../../shared/model/session.js';

const LABELS: Record<SessionStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting',
  connected: 'Connected',
  disconnected: 'Disconnected',
};

export function StatusDot({ status }: { status: SessionStatus }) {
  return <span className={`status-dot status-${status}`} role="img" aria-label={LABELS[status]} />;
}
