import type { WorkbenchDeps } from '../workbench-deps.js';
import { type Outgoing, type PublishOutcome, publishAll } from './confirmed-publish.js';
import { progressReporter } from './progress.js';
import { openVhostChannel } from './vhost-channel.js';

/** One transfer or load: where it publishes, and how many of its messages count as done so far. */
export interface ReportedRun {
  transferId: string;
  vhost: string;
  /** Names the channel, as openVhostChannel's purpose. */
  purpose: string;
  signal: AbortSignal;
  done(): number;
}

/**
 * Publishes every item on a channel of its own, with confirms (see publishAll), and reports
 * progress at the start, after each window and at the end, as `run.done()` counts by then.
 */
export async function publishReported<T extends { out: Outgoing }>(
  deps: Pick<WorkbenchDeps, 'hub' | 'session' | 'store'>,
  run: ReportedRun,
  items: T[],
  onOutcome: (item: T, outcome: PublishOutcome) => void,
): Promise<'done' | 'cancelled'> {
  const report = progressReporter(deps.hub, run.transferId, items.length);
  const publisher = await openVhostChannel(deps, run.vhost, run.purpose);
  try {
    report(0, true);
    const status = await publishAll(publisher, items, onOutcome, { signal: run.signal, onWindow: () => report(run.done()) });
    report(run.done(), true);
    return status;
  } finally {
    await publisher.release();
  }
}
