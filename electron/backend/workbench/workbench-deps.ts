import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { SessionController } from '../session/session-controller.js';
import type { HeldMessages } from './held-messages.js';
import type { Uploads } from './uploads.js';

/** What the workbench's and the scenarios' handlers need from the backend. */
export interface WorkbenchDeps {
  session: Pick<SessionController, 'broker'>;
  store: Pick<ProfileStore, 'credentials'>;
  hub: EventHub;
  log: Logger;
  /** The backend's data folder: templates and sent-message history live under it, per profile. */
  dataDir: string;
  uploads: Uploads;
  /** Consumers', browses' and RPC replies' messages by holder id. */
  held: HeldMessages;
}
