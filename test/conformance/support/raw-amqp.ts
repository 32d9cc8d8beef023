import net from 'node:net';

/**
 * A deliberately small AMQP 0-9-1 client over a raw socket, for scenarios
 * that a well-behaved client library cannot produce: wrong protocol headers,
 * methods on unopened channels, bad frame ends, frames out of order, and
 * clients that do not announce capabilities.
 */
export interface Frame {
  readonly type: number;
  readonly channel: number;
  readonly payload: Buffer;
}

export const FRAME_METHOD = 1;
export const FRAME_HEADER = 2;
export const FRAME_BODY = 3;
export const FRAME_HEARTBEAT = 8;
export const FRAME_END = 0xce;

export const PROTOCOL_HEADER = Buffer.from([0x41, 0x4d, 0x51, 0x50, 0, 0, 9, 1]);

export const shortstr = (s: string): Buffer => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from([b.length]), b]);
};
export const longstr = (s: string | Buffer): Buffer => {
  const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
};
export const u8 = (n: number) => Buffer.from([n]);
export const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
export const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};

type TableValue = string | boolean | { [k: string]: TableValue };
export function table(t: Record<string, TableValue>): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(t)) {
    parts.push(shortstr(k));
    if (typeof v === 'string') parts.push(Buffer.from('S'), longstr(v));
    else if (typeof v === 'boolean') parts.push(Buffer.from('t'), u8(v ? 1 : 0));
    else parts.push(Buffer.from('F'), table(v));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length), body]);
}

export function frame(type: number, channel: number, payload: Buffer, end = FRAME_END): Buffer {
  return Buffer.concat([u8(type), u16(channel), u32(payload.length), payload, u8(end)]);
}

export function method(channel: number, classId: number, methodId: number, ...args: Buffer[]): Buffer {
  return frame(FRAME_METHOD, channel, Buffer.concat([u16(classId), u16(methodId), ...args]));
}

/** A content header frame for basic with no properties. */
export function contentHeader(channel: number, bodySize: number): Buffer {
  return frame(FRAME_HEADER, channel, Buffer.concat([u16(60), u16(0), u64(bodySize), u16(0)]));
}

export interface CloseMethod {
  readonly classId: number;
  readonly methodId: number;
  readonly replyCode: number;
  readonly replyText: string;
}

/** Decodes connection.close (10,50) and channel.close (20,40), which share their layout. */
export function decodeClose(f: Frame): CloseMethod | null {
  const classId = f.payload.readUInt16BE(0);
  const methodId = f.payload.readUInt16BE(2);
  if (!((classId === 10 && methodId === 50) || (classId === 20 && methodId === 40))) return null;
  const replyCode = f.payload.readUInt16BE(4);
  const len = f.payload.readUInt8(6);
  return { classId, methodId, replyCode, replyText: f.payload.subarray(7, 7 + len).toString('utf8') };
}

/** connection.start's mechanisms and locales (the server-properties table is skipped). */
export function decodeStart(f: Frame): { versionMajor: number; versionMinor: number; mechanisms: string; locales: string } {
  const p = f.payload;
  const tableLen = p.readUInt32BE(6);
  let o = 10 + tableLen;
  const mechLen = p.readUInt32BE(o);
  const mechanisms = p.subarray(o + 4, o + 4 + mechLen).toString('utf8');
  o += 4 + mechLen;
  const locLen = p.readUInt32BE(o);
  return { versionMajor: p.readUInt8(4), versionMinor: p.readUInt8(5), mechanisms, locales: p.subarray(o + 4, o + 4 + locLen).toString('utf8') };
}

/** A frame in words, or "socket closed", so a failing expectation shows what came instead. */
export function describeFrame(f: Frame | null): string {
  if (f === null) return 'socket closed';
  if (f.type !== FRAME_METHOD) return `frame type ${f.type} on channel ${f.channel}`;
  const close = decodeClose(f);
  if (close !== null) return `close ${close.classId}.${close.methodId} ${close.replyCode} ${close.replyText}`;
  const [c, m] = methodId(f);
  return `method ${c}.${m} on channel ${f.channel}`;
}

export function methodId(f: Frame): [number, number] {
  return [f.payload.readUInt16BE(0), f.payload.readUInt16BE(2)];
}

export class RawAmqp {
  private buffer = Buffer.alloc(0);
  private readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  private ended = false;
  /** Heartbeat frames received so far. */
  heartbeats = 0;
  /** Every byte received, for scenarios that inspect non-frame answers (a protocol header). */
  raw = Buffer.alloc(0);
  readonly closed: Promise<void>;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.raw = Buffer.concat([this.raw, chunk]);
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.parse();
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.ended = true;
        this.wake();
        resolve();
      });
    });
    socket.on('error', () => undefined);
  }

  static connect(host: string, port: number): Promise<RawAmqp> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host, port }, () => resolve(new RawAmqp(s)));
      s.once('error', reject);
    });
  }

  send(...bufs: Buffer[]): void {
    this.socket.write(Buffer.concat(bufs));
  }

  destroy(): void {
    this.socket.destroy();
  }

  get isClosed(): boolean {
    return this.ended;
  }

  /** The next frame, skipping heartbeats; null if the socket closed first. Fails after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<Frame | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const f = this.frames.shift();
      if (f !== undefined) {
        if (f.type === FRAME_HEARTBEAT) continue;
        return f;
      }
      if (this.ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for a frame that is the given method, failing on anything else. */
  async expectMethod(classId: number, mId: number, timeoutMs = 5000): Promise<Frame> {
    const f = await this.next(timeoutMs);
    if (f === null) throw new Error(`socket closed while waiting for method ${classId},${mId}`);
    const [c, m] = methodId(f);
    if (c !== classId || m !== mId) {
      const close = decodeClose(f);
      throw new Error(`expected method ${classId},${mId}, got ${c},${m}${close ? ` (${close.replyCode} ${close.replyText})` : ''}`);
    }
    return f;
  }

  /**
   * Protocol header, start-ok (PLAIN), tune-ok, open; resolves after
   * open-ok. `capabilities` is what the client announces.
   */
  async handshake(
    opts: { user?: string; password?: string; vhost?: string; capabilities?: Record<string, boolean>; heartbeat?: number } = {},
  ): Promise<void> {
    await this.openUpTo(opts);
    await this.expectMethod(10, 41);
  }

  /** Everything handshake() does except waiting for open-ok, for scenarios that expect a refusal of connection.open. */
  async openUpTo(
    opts: { user?: string; password?: string; vhost?: string; capabilities?: Record<string, boolean>; heartbeat?: number } = {},
  ): Promise<void> {
    this.send(PROTOCOL_HEADER);
    await this.expectMethod(10, 10);
    this.sendStartOk(opts);
    const tune = await this.expectMethod(10, 30);
    const channelMax = tune.payload.readUInt16BE(4);
    const frameMax = tune.payload.readUInt32BE(6);
    this.send(method(0, 10, 31, u16(channelMax), u32(frameMax), u16(opts.heartbeat ?? 0)));
    this.send(method(0, 10, 40, shortstr(opts.vhost ?? '/'), shortstr(''), u8(0)));
  }

  sendStartOk(opts: { user?: string; password?: string; capabilities?: Record<string, boolean> } = {}): void {
    const props: Record<string, TableValue> = opts.capabilities === undefined ? {} : { capabilities: opts.capabilities };
    const response = Buffer.from(`\u0000${opts.user ?? 'guest'}\u0000${opts.password ?? 'guest'}`, 'utf8');
    this.send(method(0, 10, 11, table(props), shortstr('PLAIN'), longstr(response), shortstr('en_US')));
  }

  openChannel(channel: number): void {
    this.send(method(channel, 20, 10, shortstr('')));
  }

  private parse(): void {
    for (;;) {
      // A protocol header sent back by the server is not a frame: leave it in `raw` only.
      if (this.buffer.length >= 8 && this.buffer.subarray(0, 4).toString('latin1') === 'AMQP') {
        this.buffer = this.buffer.subarray(8);
        continue;
      }
      if (this.buffer.length < 7) return;
      const size = this.buffer.readUInt32BE(3);
      if (this.buffer.length < 8 + size) return;
      if (this.buffer.readUInt8(0) === FRAME_HEARTBEAT) this.heartbeats++;
      this.frames.push({
        type: this.buffer.readUInt8(0),
        channel: this.buffer.readUInt16BE(1),
        payload: this.buffer.subarray(7, 7 + size),
      });
      this.buffer = this.buffer.subarray(8 + size);
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}
