// Repeated runs of one workload on one broker folded into one row: the median
// of each figure (a busy machine throws off single runs in either direction),
// the sum of every count (a message lost in any run is lost), and the first
// failure if any run failed.
import type { ChildOutcome } from './child-run.js';
import type { BenchResult } from './result.js';

/** Median of the measured values (null ones left out); null when none was measured. */
export function median(values: (number | null)[]): number | null {
  const measured = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (measured.length === 0) return null;
  const mid = Math.floor(measured.length / 2);
  return measured.length % 2 === 1 ? measured[mid]! : (measured[mid - 1]! + measured[mid]!) / 2;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function combineResults(results: BenchResult[]): BenchResult {
  const first = results[0];
  if (first === undefined) throw new Error('no results to combine');
  const confirmed = results.map((r) => r.confirmed);
  return {
    server: first.server,
    published: sum(results.map((r) => r.published)),
    confirmed: confirmed.every((c) => c === null) ? null : sum(confirmed.map((c) => c ?? 0)),
    nacked: sum(results.map((r) => r.nacked)),
    owed: sum(results.map((r) => r.owed)),
    delivered: sum(results.map((r) => r.delivered)),
    duplicates: sum(results.map((r) => r.duplicates)),
    foreign: sum(results.map((r) => r.foreign)),
    missing: sum(results.map((r) => r.missing)),
    drained: results.every((r) => r.drained),
    publishCapped: results.some((r) => r.publishCapped),
    publishRate: median(results.map((r) => r.publishRate)),
    deliveryRate: median(results.map((r) => r.deliveryRate)),
    latencyP50: median(results.map((r) => r.latencyP50)),
    latencyP99: median(results.map((r) => r.latencyP99)),
    latencyMax: median(results.map((r) => r.latencyMax)),
    elapsedSeconds: sum(results.map((r) => r.elapsedSeconds)),
  };
}

export function combineOutcomes(outcomes: ChildOutcome[]): ChildOutcome {
  const failures = outcomes.filter((o): o is Extract<ChildOutcome, { ok: false }> => !o.ok);
  const first = failures[0];
  if (first !== undefined) {
    return outcomes.length === 1 ? first : { ok: false, error: `${first.error} (${failures.length} of ${outcomes.length} runs failed)` };
  }
  return { ok: true, result: combineResults(outcomes.flatMap((o) => (o.ok ? [o.result] : []))) };
}
