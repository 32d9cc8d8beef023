import os from 'node:os';
import type { ConsoleHandlers } from '../../shared/api/contract.js';
import { testConnection } from './connection-test/test-connection.js';
import { definitionsHandlers } from './definitions/definitions-handlers.js';
import { createDispatcher } from './dispatch.js';
import { embeddedHandlers } from './embedded/embedded-handlers.js';
import { createEmbeddedSupervisor } from './embedded/supervisor.js';
import { createEventHub } from './events.js';
import { alertsHandlers } from './alerts/alerts-handlers.js';
import { createAlerts } from './alerts/alerts.js';
import { historyHandlers } from './history/history-handlers.js';
import { createHistoryRecorder } from './history/history-recorder.js';
import { passiveProbe } from './history/passive-probe.js';
import { profileHandlers } from './profiles/profile-handlers.js';
import { createProfileStore } from './profiles/profile-store.js';
import { queueActionHandlers } from './queue-actions/queue-actions-handlers.js';
import { routeHandlers } from './route/route-handlers.js';
import { createLastProfile } from './session/last-profile.js';
import { createSessionController } from './session/session-controller.js';
import { topologyApplyHandlers } from './topology/topology-apply-handlers.js';
import { topologySnapshotHandlers } from './topology/topology-snapshot-handlers.js';
import type { Backend, BackendOptions } from './types.js';
import { browseHandlers } from './workbench/browse/browse-handlers.js';
import { createHeldMessages } from './workbench/held-messages.js';
import { createConsumeService } from './workbench/consume/consume-handlers.js';
import { createPublishService } from './workbench/publish/publish-handlers.js';
import { createUploads } from './workbench/uploads.js';
import type { WorkbenchDeps } from './workbench/workbench-deps.js';
import { createScenarios } from './scenarios/scenario-handlers.js';

/**
 * The console backend: profiles, broker sessions and the sampler behind one
 * dispatch function and one event stream. Plain Node, so both Electron main
 * and web mode host the very same object.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log.child('backend');
  const hub = createEventHub(log);
  const store = createProfileStore({ dataDir: options.dataDir, secretBox: options.secretBox, log: log.child('profiles') });
  // Read at startup: passwords saved in web mode get encrypted as soon as the desktop app (with its
  // SecretBox) opens the file, and a damaged file is logged at once. The app starts either way;
  // profiles.list then answers the same message for the UI to show.
  await store.sealPlainPasswords().catch((err: unknown) => log.error('profiles unreadable', { error: err instanceof Error ? err.message : String(err) }));

  // The probe reaches the session through a closure: the session is created after the recorder it feeds.
  const history = await createHistoryRecorder({
    dataDir: options.dataDir,
    hub,
    log: log.child('history'),
    probe: (queueKey) => passiveProbe(session, store)(queueKey),
  });
  const alerts = await createAlerts({ dataDir: options.dataDir, hub, log: log.child('alerts') });
  const session = createSessionController({
    store,
    hub,
    log: log.child('session'),
    history: {
      record: (profileId, sample, intervalMs) => {
        history.record(profileId, sample, intervalMs);
        alerts.observe(profileId, sample);
      },
      markBreak: history.markBreak,
    },
    ...options.session,
  });
  const lastProfile = createLastProfile(options.dataDir, log.child('session'));
  // The user's last choice, if it is still there; otherwise the embedded broker's profile, selected by the supervisor.
  const resumeId = await lastProfile.resumable(store);
  const embedded = createEmbeddedSupervisor({
    dataDir: options.dataDir,
    log: log.child('embedded'),
    hub,
    store,
    session,
    selectOnFirstStart: resumeId === null,
    ...(options.embedded?.launch ? { launch: options.embedded.launch } : {}),
    ...options.embedded?.tuning,
  });
  if (resumeId !== null) {
    // In the background, like the embedded broker: a broker that is away must not hold up the window.
    session.connect(resumeId).catch((err: unknown) => log.warn('reconnecting to the last profile failed', { id: resumeId, error: err instanceof Error ? err.message : String(err) }));
  }
  if (options.embedded?.autoStart) {
    // In the background: the window or the web host comes up at once; 'embedded.state' events follow.
    embedded.autoStart().catch((err: unknown) => log.error('embedded broker start failed', { error: err instanceof Error ? err.message : String(err) }));
  } else if (options.embedded) {
    embedded.notStarted('Not started with Warren (--no-embedded). Start it here, or turn it off for good with the switch below.');
  }

  const workbench: WorkbenchDeps = { session, store, hub, log: log.child('workbench'), dataDir: options.dataDir, uploads: createUploads(), held: createHeldMessages() };
  const consume = createConsumeService(workbench);
  const publish = createPublishService(workbench);
  const scenarios = createScenarios({ ...workbench, log: log.child('scenarios') });
  const handlers: ConsoleHandlers = {
    'app.info': async () => ({
      name: 'Warren',
      version: options.version,
      transport: options.transport,
      dataDir: options.dataDir,
      platform: `${os.platform()}-${os.arch()}`,
    }),
    ...profileHandlers(store, session, log),
    'profiles.test': async (input) => {
      const result = await testConnection(await store.credentialsFor(input));
      log.info('connection test', { id: input.id ?? null, amqp: result.amqp.code, http: result.http.code });
      return result;
    },
    'session.connect': async ({ id }) => {
      const state = await session.connect(id);
      await lastProfile.remember(id);
      return state;
    },
    'session.disconnect': async () => {
      const state = await session.disconnect();
      await lastProfile.remember(null);
      return state;
    },
    'session.retry': () => session.retry(),
    'session.state': async () => session.state(),
    'sampler.configure': async (change) => session.configure(change),
    'inventory.snapshot': async () => session.snapshot(),
    ...embeddedHandlers(embedded),
    ...topologySnapshotHandlers(session),
    ...routeHandlers(session, store, log.child('route')),
    ...topologyApplyHandlers(session, hub, log.child('topology')),
    ...definitionsHandlers(session, hub, log.child('definitions')),
    ...historyHandlers(session, history),
    ...alertsHandlers(session, alerts),
    ...queueActionHandlers(session, store, hub, log.child('queue-actions')),
    ...publish.handlers,
    ...consume.handlers,
    ...browseHandlers(workbench),
    ...scenarios.handlers,
  };

  return {
    dispatch: createDispatcher(handlers, log),
    subscribe: hub.subscribe,
    // The session first, so its connections to the embedded broker close before the broker does.
    close: async () => {
      await consume.close();
      await publish.close();
      await scenarios.stopAll();
      await session.close();
      await history.close();
      await embedded.close();
    },
  };
}
