// One connection's side of resource flow control, rabbit_reader's #throttle
// and its maybe_block/maybe_unblock: a connection learns of the alarms at
// connection.open and on every change, but is only blocked once it publishes
// during an alarm (a content header or body frame arrives), so connections
// that only consume keep running. Blocking stops reading the socket (and
// with it the client's heartbeat check) and sends connection.blocked once;
// when every alarm has cleared, reading resumes and connection.unblocked is
// sent if blocked was.
import { blockedReason, type Resource } from './limits.js';

export interface ThrottleEffects {
  /** Stop reading from the socket and stop checking the client's heartbeats. */
  pause(): void;
  /** Resume both. */
  resume(): void;
  /** connection.blocked (the connection only sends it to clients with the capability). */
  sendBlocked(reason: string): void;
  sendUnblocked(): void;
}

/** What the management API shows: `blocking` is an alarm in effect on a connection that has not published since. */
export type ThrottleState = 'running' | 'blocking' | 'blocked';

export class PublisherThrottle {
  private blockedBy: ReadonlySet<Resource> = new Set();
  /** A publish arrived while an alarm was in effect (rabbit_reader's should_block). */
  private shouldBlock = false;
  private blockedSent = false;
  private blocked_ = false;

  constructor(private readonly effects: ThrottleEffects) {}

  get blocked(): boolean {
    return this.blocked_;
  }

  get state(): ThrottleState {
    if (this.blocked_) return 'blocked';
    return this.blockedBy.size > 0 ? 'blocking' : 'running';
  }

  alarmsChanged(alarms: ReadonlySet<Resource>): void {
    this.blockedBy = new Set(alarms);
    if (this.blocked_) this.maybeUnblock();
    this.maybeBlock();
  }

  publishReceived(): void {
    if (this.blockedBy.size === 0) return;
    this.shouldBlock = true;
    this.maybeBlock();
  }

  private maybeBlock(): void {
    if (!this.shouldBlock || this.blockedBy.size === 0) return;
    if (!this.blocked_) {
      this.blocked_ = true;
      this.effects.pause();
    }
    // Sent once per blocked period: a second alarm while blocked does not send another.
    if (!this.blockedSent) {
      this.blockedSent = true;
      this.effects.sendBlocked(blockedReason(this.blockedBy));
    }
  }

  private maybeUnblock(): void {
    if (this.shouldBlock && this.blockedBy.size > 0) return;
    this.blocked_ = false;
    this.shouldBlock = false;
    if (this.blockedSent) {
      this.blockedSent = false;
      this.effects.sendUnblocked();
    }
    this.effects.resume();
  }
}
