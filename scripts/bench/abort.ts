// One run stops for one of two reasons: the time cap, or the first failure
// anywhere (a closed channel, a dropped connection). Every wait in the run
// races this signal so nothing hangs after either.

/** true when `promise` settles first, false when the signal aborts first. */
export async function unlessAborted(promise: Promise<unknown>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  let onAbort = () => {};
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const settled = promise.then(() => true as const);
  // A rejection that comes after the abort has no one left to hear it; it must not crash the process.
  settled.catch(() => {});
  try {
    return await Promise.race([settled, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Failures recorded by whichever part of the run saw them; the first one names the run's failure. */
export class RunFailure {
  private readonly controller = new AbortController();
  error: Error | undefined;

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  fail(error: unknown): void {
    this.error ??= error instanceof Error ? error : new Error(String(error));
    this.controller.abort(this.error);
  }

  /** Stop without a failure: the time cap was reached. */
  stop(): void {
    this.controller.abort();
  }
}
