// Publisher confirms, coalesced: consecutive acks settled in the same tick go
// out as one basic.ack with multiple=true (as RabbitMQ batches them), and a
// nack first flushes the acks before it so the client sees them in order.

export type SendConfirm = (method: 'basic.ack' | 'basic.nack', deliveryTag: number, multiple: boolean) => void;

export class ConfirmBatcher {
  private pendingUpTo = 0;
  private pendingCount = 0;

  constructor(private readonly send: SendConfirm) {}

  /** `seq` must be above every sequence number settled so far. */
  ack(seq: number): void {
    if (this.pendingCount === 0) queueMicrotask(() => this.flush());
    this.pendingUpTo = seq;
    this.pendingCount++;
  }

  nack(seq: number): void {
    this.flush();
    this.send('basic.nack', seq, false);
  }

  flush(): void {
    if (this.pendingCount === 0) return;
    const count = this.pendingCount;
    this.pendingCount = 0;
    this.send('basic.ack', this.pendingUpTo, count > 1);
  }
}
