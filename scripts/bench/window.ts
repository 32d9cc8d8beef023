// A bounded window of outstanding publisher confirms: the producer keeps up to
// `size` messages in flight, as fast confirm-using clients do, instead of
// waiting for each confirm (which would measure round trips, not the broker).

export class ConfirmWindow {
  private outstanding = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly size: number) {}

  get inFlight(): number {
    return this.outstanding;
  }

  /** Resolves once there is room for one more message, and takes that room. */
  async acquire(): Promise<void> {
    while (this.outstanding >= this.size) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.outstanding++;
  }

  release(): void {
    this.outstanding--;
    this.wake();
  }

  /** Resolves when every message in flight has been confirmed or nacked. */
  async drained(): Promise<void> {
    while (this.outstanding > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
