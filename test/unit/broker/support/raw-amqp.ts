// A raw AMQP client for tests: sends exact bytes, decodes what comes back.
// Used to drive the broker (and RabbitMQ, to compare) with malformed input.
import { connect, type Socket } from 'node:net';
import { FrameParser } from '../../../../electron/broker/protocol/frame-parser.js';
import { FRAME_METHOD, type Frame } from '../../../../electron/broker/protocol/frame.js';
import type { FieldTable } from '../../../../electron/broker/protocol/field-table.js';
import {
  decodeMethod,
  encodeMethodFrame,
  type AmqpMethod,
  type MethodArgs,
  type MethodName,
} from '../../../../electron/broker/protocol/generated.js';

export const PROTOCOL_HEADER = Buffer.from('AMQP\x00\x00\x09\x01', 'latin1');

export class RawClient {
  readonly received: Buffer[] = [];
  readonly frames: Frame[] = [];
  closed = false;
  private parser = new FrameParser(0);
  private headerSeen = false;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      let data = chunk;
      if (!this.headerSeen && data.subarray(0, 4).toString('latin1') === 'AMQP') {
        this.headerSeen = true;
        data = data.subarray(8);
      }
      this.headerSeen = true;
      try {
        this.parser.push(data, (f) => this.frames.push({ ...f, payload: Buffer.from(f.payload) }));
      } catch {
        // Tests inspect the raw bytes when they expect non-frames.
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  sendMethod<N extends MethodName>(channel: number, name: N, args: MethodArgs[N]): void {
    this.socket.write(encodeMethodFrame(channel, name, args));
  }

  /** Waits until `pred` holds over what has been received, or the timeout. */
  async until(pred: () => boolean, timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return true;
  }

  methods(): AmqpMethod[] {
    return this.frames.filter((f) => f.type === FRAME_METHOD).map((f) => decodeMethod(f.payload));
  }

  async waitMethod<N extends MethodName>(name: N, timeoutMs = 3000): Promise<Extract<AmqpMethod, { name: N }>> {
    let found: AmqpMethod | undefined;
    await this.until(() => (found = this.methods().find((m) => m.name === name)) !== undefined, timeoutMs);
    if (!found) throw new Error(`no ${name} received; got ${this.methods().map((m) => m.name).join(', ')}`);
    return found as Extract<AmqpMethod, { name: N }>;
  }

  /**
   * Protocol header, PLAIN guest/guest, tune-ok echoing the server, open vhost "/".
   * Announces consumer_cancel_notify and authentication_failure_close (plus `extraCapabilities`) unless `capabilities` is false.
   */
  async handshake(opts: { frameMax?: number; heartbeat?: number; capabilities?: boolean; extraCapabilities?: string[] } = {}): Promise<void> {
    this.send(PROTOCOL_HEADER);
    await this.waitMethod('connection.start');
    const announced = ['consumer_cancel_notify', 'authentication_failure_close', ...(opts.extraCapabilities ?? [])];
    const clientProperties: FieldTable = opts.capabilities === false ? {} : {
      capabilities: { type: 'F' as const, value: Object.fromEntries(announced.map((c) => [c, { type: 't' as const, value: true }])) },
    };
    this.sendMethod(0, 'connection.start-ok', {
      clientProperties, mechanism: 'PLAIN', response: Buffer.from('\0guest\0guest'), locale: 'en_US',
    });
    const tune = await this.waitMethod('connection.tune');
    this.sendMethod(0, 'connection.tune-ok', {
      channelMax: tune.args.channelMax, frameMax: opts.frameMax ?? tune.args.frameMax, heartbeat: opts.heartbeat ?? 0,
    });
    this.sendMethod(0, 'connection.open', { virtualHost: '/', capabilities: '', insist: false });
    await this.waitMethod('connection.open-ok');
  }

  async openChannel(channel: number): Promise<void> {
    const before = this.methods().filter((m) => m.name === 'channel.open-ok').length;
    this.sendMethod(channel, 'channel.open', { outOfBand: '' });
    await this.until(() => this.methods().filter((m) => m.name === 'channel.open-ok').length > before);
  }

  close(): void {
    this.socket.destroy();
  }
}
