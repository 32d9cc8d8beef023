// What the broker owes versus what it delivered. A message is owed once it is
// confirmed (with --confirm) or handed to the socket (without); each owed
// message must arrive exactly once per copy. One byte per (copy, producer,
// seq) keeps the check exact and bounded by --count.

export class DeliveryLedger {
  private readonly owed: Uint8Array[];
  private readonly received: Uint8Array[][];
  private readonly latencies: Float64Array;
  owedCount = 0;
  unique = 0;
  duplicates = 0;
  /** Deliveries whose producer or seq this run never sent: a corrupted or foreign message. */
  foreign = 0;
  lastDeliveryAt = NaN;

  constructor(perProducer: number[], readonly copies: number) {
    this.owed = perProducer.map((n) => new Uint8Array(n));
    this.received = Array.from({ length: copies }, () => perProducer.map((n) => new Uint8Array(n)));
    this.latencies = new Float64Array(perProducer.reduce((a, b) => a + b, 0) * copies);
  }

  markOwed(producer: number, seq: number): void {
    const row = this.owed[producer];
    if (row === undefined || seq >= row.length || row[seq] === 1) return;
    row[seq] = 1;
    this.owedCount++;
  }

  recordDelivery(copy: number, producer: number, seq: number, latencyMs: number, at: number): void {
    const row = this.received[copy]?.[producer];
    if (row === undefined || seq >= row.length) {
      this.foreign++;
      return;
    }
    this.lastDeliveryAt = at;
    if (row[seq] === 1) {
      this.duplicates++;
      return;
    }
    row[seq] = 1;
    this.latencies[this.unique++] = latencyMs;
  }

  /** Owed copies not (yet) delivered. */
  missing(): number {
    let missing = 0;
    for (let p = 0; p < this.owed.length; p++) {
      const owed = this.owed[p]!;
      for (let c = 0; c < this.copies; c++) {
        const got = this.received[c]![p]!;
        for (let s = 0; s < owed.length; s++) if (owed[s] === 1 && got[s] === 0) missing++;
      }
    }
    return missing;
  }

  /** A cheap lower bound for polling: missing() is exact but walks every slot. */
  get mayBeComplete(): boolean {
    return this.unique >= this.owedCount * this.copies;
  }

  latencySamples(): Float64Array {
    return this.latencies.subarray(0, this.unique);
  }
}
