import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import { ApiError } from '../../../shared/api/errors.js';
import type { SessionController } from '../session/session-controller.js';
import type { Alerts } from './alerts.js';

/** The selected profile's alert rules and their states. */
export function alertsHandlers(session: Pick<SessionController, 'state'>, alerts: Alerts): Pick<ConsoleHandlers, 'alerts.list' | 'alerts.save'> {
  const selected = () => {
    const id = session.state().profileId;
    if (id === null) throw new ApiError('not_connected', 'No broker is selected: connect to a profile to set its alerts');
    return id;
  };
  return {
    'alerts.list': async () => alerts.list(selected()),
    'alerts.save': async ({ rules }) => alerts.save(selected(), rules),
  };
}
