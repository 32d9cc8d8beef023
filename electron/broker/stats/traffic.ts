// Bytes received and sent per vhost, as RabbitMQ's vhost recv_oct/send_oct:
// the totals of every connection to the vhost, including closed ones, so the
// numbers never go down. A connection's final counts are read when it is
// seen to be gone (its socket keeps them after closing).

export interface TrafficSource {
  /** The connection's vhost (undefined before connection.open) and byte counts so far. */
  info(): { vhost?: string; recvOct: number; sendOct: number };
}

export interface Traffic {
  recv: number;
  send: number;
}

export class VhostTraffic {
  private readonly seen = new Set<TrafficSource>();
  private readonly closed = new Map<string, Traffic>();

  /** Folds connections that have gone since the last call into their vhost's closed totals (vhosts that still exist). */
  observe(open: ReadonlySet<TrafficSource>, exists: (vhost: string) => boolean): void {
    for (const c of this.seen) {
      if (open.has(c)) continue;
      this.seen.delete(c);
      const info = c.info();
      if (info.vhost === undefined || !exists(info.vhost)) continue;
      const t = this.closed.get(info.vhost) ?? { recv: 0, send: 0 };
      t.recv += info.recvOct;
      t.send += info.sendOct;
      this.closed.set(info.vhost, t);
    }
    for (const c of open) this.seen.add(c);
  }

  /** Totals per vhost: closed connections plus the open ones. */
  totals(open: ReadonlySet<TrafficSource>, exists: (vhost: string) => boolean): Map<string, Traffic> {
    this.observe(open, exists);
    const out = new Map<string, Traffic>();
    for (const [vhost, t] of this.closed) out.set(vhost, { ...t });
    for (const c of open) {
      const info = c.info();
      if (info.vhost === undefined) continue;
      const t = out.get(info.vhost) ?? { recv: 0, send: 0 };
      t.recv += info.recvOct;
      t.send += info.sendOct;
      out.set(info.vhost, t);
    }
    return out;
  }

  /** A deleted vhost's history goes with it. */
  forget(vhost: string): void {
    this.closed.delete(vhost);
  }
}
