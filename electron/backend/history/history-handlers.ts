import type { ConsoleHandlers } from '../../../shared/api/contract.js';
import { ApiError } from '../../../shared/api/errors.js';
import { rowKey } from '../../../shared/model/inventory.js';
import type { SessionController } from '../session/session-controller.js';
import type { HistoryRecorder } from './history-recorder.js';
import { historyEvents, queryHistory, sparklines } from './history-query.js';

type HistoryMethods = 'history.query' | 'history.events' | 'history.sparklines' | 'history.status' | 'history.configure';

/** The selected profile's history, connected or not: what was recorded stays readable while the broker is away. */
export function historyHandlers(session: Pick<SessionController, 'state'>, recorder: HistoryRecorder): Pick<ConsoleHandlers, HistoryMethods> {
  const selected = () => {
    const id = session.state().profileId;
    if (id === null) throw new ApiError('not_connected', 'No broker is selected: connect to a profile to see its history');
    return id;
  };
  const status = async () => {
    const profileId = session.state().profileId;
    const store = profileId === null ? null : await recorder.storeFor(profileId);
    return { ...recorder.settings(), bytesOnDisk: profileId === null ? 0 : recorder.bytesOnDisk(profileId), series: store?.scopes.size ?? 0 };
  };
  return {
    'history.query': async (args) => {
      const store = await recorder.storeFor(selected());
      if (args.scope.kind === 'queue') recorder.watch(rowKey(args.scope.vhost, args.scope.name));
      return queryHistory(store, args, session.state().samplerIntervalMs);
    },
    'history.events': async (args) => historyEvents(await recorder.storeFor(selected()), args),
    'history.sparklines': async (args) => sparklines(await recorder.storeFor(selected()), args, Date.now()),
    'history.status': status,
    'history.configure': async (settings) => {
      await recorder.configure(settings);
      return status();
    },
  };
}
