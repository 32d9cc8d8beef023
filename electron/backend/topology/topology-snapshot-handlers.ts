import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import type { SessionController } from '../session/session-controller.js';
import { fetchTopologySnapshot } from './snapshot.js';

/** The topology graph's read: one vhost's structure from the connected broker. */
export function topologySnapshotHandlers(session: Pick<SessionController, 'broker'>): Pick<ConsoleHandlers, 'topology.snapshot'> {
  return {
    'topology.snapshot': ({ vhost }) => fetchTopologySnapshot(session.broker().management, vhost),
  };
}
