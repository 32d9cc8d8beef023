import type { ConsoleClient } from '../../shared/api/contract.js';
import type { AlertRule, AlertState } from '../../shared/model/alerts.js';
import { errorMessage } from '../state/consoleStore.js';

export type AlertsSnapshot = {
  /** The profile these rules belong to (null: none yet). */
  profileId: string | null;
  rules: AlertRule[];
  states: AlertState[];
  loaded: boolean;
  error: string | null;
};

const EMPTY: AlertsSnapshot = { profileId: null, rules: [], states: [], loaded: false, error: null };

/**
 * The connected profile's alert rules and states, read once with
 * `alerts.list` and kept current by `alerts.changed`, for every component
 * that shows them: the Queues table's badges, the Overview list, the queue
 * page and the notifier share one read and one subscription instead of one
 * each. It stops listening when the last of them unmounts.
 */
export class AlertsFeed {
  private snapshot: AlertsSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private off: (() => void) | null = null;
  /** Answers to an older read (another profile, or before everyone left) are ignored. */
  private generation = 0;

  constructor(private readonly client: ConsoleClient) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.off ??= this.client.on('alerts.changed', (event) => {
      if (event.profileId !== this.snapshot.profileId) return;
      const unknownRule = event.states.some((s) => !this.snapshot.rules.some((r) => r.id === s.ruleId));
      this.set({ ...this.snapshot, states: event.states });
      // A rule saved from another window: read the rules again.
      if (unknownRule) this.read(false);
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.off?.();
      this.off = null;
      this.generation++;
      this.snapshot = EMPTY;
    };
  };

  readonly getSnapshot = (): AlertsSnapshot => this.snapshot;

  /** Shows this profile's alerts, reading them when it is not the one shown already. */
  follow(profileId: string | null): void {
    if (profileId === this.snapshot.profileId) return;
    this.generation++;
    this.set({ ...EMPTY, profileId });
    if (profileId !== null) this.read(true);
  }

  /** Saves the whole list (the backend's `alerts.save` takes every rule of the profile). */
  async save(rules: AlertRule[]): Promise<void> {
    const result = await this.client.call('alerts.save', { rules });
    this.set({ ...this.snapshot, rules: result.rules, states: result.states });
  }

  private read(withStates: boolean): void {
    const generation = this.generation;
    this.client
      .call('alerts.list', {})
      .then((result) => {
        if (generation !== this.generation) return;
        this.set({ ...this.snapshot, rules: result.rules, states: withStates ? result.states : this.snapshot.states, loaded: true, error: null });
      })
      .catch((e: unknown) => {
        if (generation === this.generation) this.set({ ...this.snapshot, loaded: true, error: errorMessage(e) });
      });
  }

  private set(next: AlertsSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

const feeds = new WeakMap<ConsoleClient, AlertsFeed>();

/** The one feed of this client. */
export function alertsFeedOf(client: ConsoleClient): AlertsFeed {
  let feed = feeds.get(client);
  if (!feed) feeds.set(client, (feed = new AlertsFeed(client)));
  return feed;
}
