import type { ConsoleClient } from '../../shared/api/contract.js';

/**
 * The transport's own link, not the broker's: "open" means calls can reach
 * the backend. Broker connectivity is `session.state`.
 */
export type TransportStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WarrenClient extends ConsoleClient {
  readonly transport: 'electron' | 'web';
  status(): TransportStatus;
  /**
   * Called on every status change. After a reconnect ("open" again) events
   * sent while the link was down are lost: re-read snapshots then.
   */
  onStatus(listener: (status: TransportStatus) => void): () => void;
  /** Stops reconnecting and fails calls still waiting. */
  close(): void;
}
