import type { Profile } from '../../shared/model/profile.js';
import type { ConsoleState } from './consoleState.js';

/** The profile the session is on (connected or trying to be), if any. */
export function sessionProfile(state: ConsoleState): Profile | undefined {
  const id = state.session?.profileId;
  return id ? state.profiles.find((p) => p.id === id) : undefined;
}

/** There is broker data to show: a sample arrived since the session's broker was chosen. */
export function hasBrokerData(state: ConsoleState): boolean {
  return state.seq !== null && state.session !== null && state.session.status !== 'idle' && state.session.lastSampleAt !== null;
}

/** The views show the last known data, dimmed, while the broker is away. */
export function isStale(state: ConsoleState): boolean {
  return state.session?.status === 'disconnected' || state.session?.status === 'connecting';
}

/** Keeps rows of the selected vhost; all of them when none is selected. */
export function inVhost<R extends { vhost: string }>(rows: readonly R[], vhost: string | null): readonly R[] {
  return vhost === null ? rows : rows.filter((row) => row.vhost === vhost);
}
