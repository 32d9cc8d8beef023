// One client connection: protocol header, the connection-class handshake
// (start/tune/open), heartbeats, channel multiplexing, error handling and
// socket backpressure. Mirrors rabbit_reader's states and error choices.
import type { Socket } from 'node:net';
import type { AccessControl, AuthenticatedUser } from './access-control.js';
import { parseCredentials, MECHANISMS } from './auth-mechanisms.js';
import { Channel, type ChannelConnection } from './channel.js';
import { AmqpError, ReplyCode } from './errors.js';
import { payloadSnippet } from './erlang-term.js';
import type { Resource } from './flow/limits.js';
import { DEFAULT_MAX_MESSAGE_SIZE } from './flow/options.js';
import { PublisherThrottle } from './flow/publisher-throttle.js';
import type { BrokerLogger } from './logger.js';
import type { Message } from './message.js';
import { ContentAssembler, decodeMethodPayload } from './protocol/content-assembler.js';
import { UnrecoverableInputError } from './protocol/decode-error.js';
import type { FieldTable } from './protocol/field-table.js';
import { FRAME_HEARTBEAT, FRAME_METHOD, FRAME_HEADER, FRAME_BODY, type Frame } from './protocol/frame.js';
import { FrameError, FrameParser } from './protocol/frame-parser.js';
import { contentFrames, HEARTBEAT_FRAME, type ContentMethodName } from './protocol/frame-writer.js';
import { encodeMethodFrame, FRAME_MIN_SIZE, type AmqpMethod, type MethodArgs, type MethodName } from './protocol/generated.js';
import { PROTOCOL_HEADER, checkProtocolHeader } from './protocol/protocol-header.js';
import type { ReplyToRegistry } from './reply-to.js';
import { plainTable, serverProperties } from './server-properties.js';
import { negotiateTune } from './tune.js';
import type { VirtualHost } from './vhost.js';

export interface ConnectionLimits {
  frameMax: number;
  channelMax: number;
  heartbeat: number;
  /** How long a refused handshake waits before the socket closes (RabbitMQ: 3 s, against login floods). */
  silentCloseDelayMs: number;
  /** How long after sending connection.close to wait for close-ok. */
  closeTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** RabbitMQ's consumer_timeout: a channel holding a delivery unacknowledged longer than this is closed with 406. */
  consumerTimeoutMs: number;
  /** RabbitMQ's max_message_size: a larger body closes the channel with 406. */
  maxMessageSize: number;
}

export const DEFAULT_LIMITS: ConnectionLimits = {
  frameMax: 131072,
  channelMax: 2047,
  heartbeat: 60,
  silentCloseDelayMs: 3000,
  closeTimeoutMs: 10_000,
  handshakeTimeoutMs: 10_000,
  consumerTimeoutMs: 1_800_000,
  maxMessageSize: DEFAULT_MAX_MESSAGE_SIZE,
};

/** What a connection needs from the broker. */
export interface ConnectionHost {
  readonly access: AccessControl;
  readonly logger: BrokerLogger;
  readonly replyTo: ReplyToRegistry;
  readonly limits: ConnectionLimits;
  /** The memory and disk alarms in effect; a connection reads them at connection.open, then hears of changes via alarmsChanged. */
  readonly alarms: ReadonlySet<Resource>;
  vhost(name: string): VirtualHost | undefined;
  connectionClosed(conn: Connection): void;
}

type State = 'header' | 'start' | 'tune' | 'open-wait' | 'open' | 'closing' | 'closed';

interface ChannelSlot {
  channel: Channel;
  assembler: ContentAssembler;
  closing: boolean;
}

/** Above this many queued outgoing bytes, stop reading from the client until the socket drains. */
const WRITE_HIGH_WATER = 16 * 1024 * 1024;

let nextConnectionId = 1;

export class Connection implements ChannelConnection {
  readonly id = nextConnectionId++;
  readonly remote: string;
  private state: State = 'header';
  private headerBytes = Buffer.alloc(0);
  private readonly parser: FrameParser;
  private readonly channels = new Map<number, ChannelSlot>();
  private frameMax: number;
  private channelMax: number;
  private heartbeat = 0;
  private clientProperties: FieldTable = {};
  private mechanism = '';
  private user_: AuthenticatedUser | undefined;
  private vhost_: VirtualHost | undefined;
  private corked = false;
  private receivedSinceCheck = true;
  private sentSinceCheck = true;
  private missedHeartbeats = 0;
  private timers: NodeJS.Timeout[] = [];
  private inputBroken = false;
  private readonly throttle = new PublisherThrottle({
    pause: () => this.socket.pause(),
    resume: () => this.resumeInput(),
    sendBlocked: (reason) => {
      if (this.capability('connection.blocked')) this.sendMethod(0, 'connection.blocked', { reason });
    },
    sendUnblocked: () => {
      if (this.capability('connection.blocked')) this.sendMethod(0, 'connection.unblocked', {});
    },
  });
  writable = true;

  get backlogged(): boolean {
    return this.socket.writableLength > WRITE_HIGH_WATER;
  }

  readonly connectedAt = Date.now();
  private readonly peerHost: string;
  private readonly peerPort: number;
  private readonly localHost: string;
  private readonly localPort: number;

  constructor(private readonly socket: Socket, private readonly host: ConnectionHost) {
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    this.peerHost = socket.remoteAddress ?? '';
    this.peerPort = socket.remotePort ?? 0;
    this.localHost = socket.localAddress ?? '';
    this.localPort = socket.localPort ?? 0;
    this.frameMax = FRAME_MIN_SIZE;
    this.channelMax = host.limits.channelMax;
    this.parser = new FrameParser(FRAME_MIN_SIZE);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', (err) => this.host.logger.log('debug', 'socket.error', { connection: this.id, remote: this.remote, error: err.message }));
    socket.on('close', () => this.onSocketClose());
    this.later(host.limits.handshakeTimeoutMs, () => {
      if (this.state !== 'open' && this.state !== 'closing' && this.state !== 'closed') {
        this.host.logger.log('warn', 'connection.handshake_timeout', { connection: this.id, remote: this.remote, state: this.state });
        this.socket.destroy();
      }
    });
  }

  get vhost(): VirtualHost {
    return this.vhost_!;
  }

  get user(): AuthenticatedUser {
    return this.user_!;
  }

  get access(): AccessControl {
    return this.host.access;
  }

  get replyTo(): ReplyToRegistry {
    return this.host.replyTo;
  }

  get consumerCancelNotify(): boolean {
    return this.capability('consumer_cancel_notify');
  }

  private capability(name: string): boolean {
    const caps = this.clientProperties.capabilities;
    if (caps?.type !== 'F') return false;
    const v = caps.value[name];
    return v?.type === 't' && v.value;
  }

  private later(ms: number, f: () => void): void {
    const t = setTimeout(f, ms);
    t.unref();
    this.timers.push(t);
  }

  send(frame: Buffer): void {
    if (this.state === 'closed') return;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.sentSinceCheck = true;
    if (!this.socket.write(frame)) this.writable = false;
    if (this.socket.writableLength > WRITE_HIGH_WATER && !this.socket.isPaused()) this.socket.pause();
  }

  private sendMethod<N extends MethodName>(channel: number, name: N, args: MethodArgs[N]): void {
    this.send(encodeMethodFrame(channel, name, args));
  }

  sendContent<N extends ContentMethodName>(channel: number, name: N, args: MethodArgs[N], message: Message): void {
    for (const b of contentFrames(channel, name, args, message.propertiesBytes, message.body, this.frameMax)) this.send(b);
  }

  /** A blocked publisher's input waits, unread, in the socket (and the parser) until the alarms clear. */
  private get inputHeld(): boolean {
    return this.throttle.blocked && this.state === 'open';
  }

  /** The memory/disk alarms changed (AmqpServer passes every change to every connection). */
  alarmsChanged(alarms: ReadonlySet<Resource>): void {
    if (this.state === 'open') this.throttle.alarmsChanged(alarms);
  }

  /** Reading again after a block: the client's silence while blocked does not count as missed heartbeats. */
  private resumeInput(): void {
    this.receivedSinceCheck = true;
    this.missedHeartbeats = 0;
    if (this.state === 'closed') return;
    if (!this.backlogged) this.socket.resume();
    // Frames already received stay in the parser; run them now, outside whatever called us.
    queueMicrotask(() => this.onData(Buffer.alloc(0)));
  }

  private onDrain(): void {
    this.writable = true;
    if (this.socket.isPaused() && this.state !== 'closed' && !this.inputHeld) this.socket.resume();
    for (const slot of this.channels.values()) if (!slot.closing) slot.channel.kick();
  }

  private onData(chunk: Buffer): void {
    this.receivedSinceCheck = true;
    if (this.inputBroken || this.state === 'closed') return;
    if (this.state === 'header') {
      this.headerBytes = Buffer.concat([this.headerBytes, chunk]);
      if (this.headerBytes.length < 8) return;
      if (!checkProtocolHeader(this.headerBytes.subarray(0, 8))) {
        this.host.logger.log('warn', 'connection.bad_protocol_header', { connection: this.id, remote: this.remote });
        this.inputBroken = true;
        this.socket.end(PROTOCOL_HEADER);
        return;
      }
      const rest = this.headerBytes.subarray(8);
      this.headerBytes = Buffer.alloc(0);
      this.state = 'start';
      this.sendMethod(0, 'connection.start', {
        versionMajor: 0, versionMinor: 9, serverProperties: serverProperties(),
        mechanisms: Buffer.from(MECHANISMS), locales: Buffer.from('en_US'),
      });
      if (rest.length === 0) return;
      chunk = rest;
    }
    try {
      this.parser.push(chunk, (frame) => this.onFrame(frame), () => !this.inputHeld);
    } catch (err) {
      if (err instanceof FrameError) {
        this.inputBroken = true;
        this.fail(new AmqpError(ReplyCode.frameError, err.text));
        return;
      }
      if (err instanceof AmqpError) {
        this.fail(err);
        return;
      }
      if (err instanceof UnrecoverableInputError) {
        this.host.logger.log('warn', 'connection.unreadable_input', { connection: this.id, remote: this.remote, error: err.message });
        this.inputBroken = true;
        this.socket.destroy();
        return;
      }
      this.host.logger.log('error', 'connection.internal_error', { connection: this.id, error: err });
      this.fail(new AmqpError(ReplyCode.internalError, 'internal error'));
    }
  }

  private onFrame(frame: Frame): void {
    if (this.state === 'closed' || this.inputBroken) return;
    if (frame.type === FRAME_HEARTBEAT) {
      if (frame.channel !== 0) throw new AmqpError(ReplyCode.unexpectedFrame, `type ${frame.type}, ${payloadSnippet(frame.payload)}`);
      return;
    }
    if (frame.type !== FRAME_METHOD && frame.type !== FRAME_HEADER && frame.type !== FRAME_BODY) {
      throw new AmqpError(ReplyCode.frameError, `type ${frame.type}, ${payloadSnippet(frame.payload)}: unknown_frame`);
    }
    if (this.state === 'closing') return this.onFrameWhileClosing(frame);
    if (frame.channel === 0) return this.onConnectionFrame(frame);
    if (this.state !== 'open') throw new AmqpError(ReplyCode.unexpectedFrame, `type ${frame.type}, ${payloadSnippet(frame.payload)}`);
    this.onChannelFrame(frame);
  }

  private onFrameWhileClosing(frame: Frame): void {
    if (frame.channel !== 0 || frame.type !== FRAME_METHOD) return;
    const m = decodeMethodPayload(frame.payload);
    if (m.name === 'connection.close-ok') this.socket.destroy();
    else if (m.name === 'connection.close') {
      this.sendMethod(0, 'connection.close-ok', {});
      this.socket.end();
    }
  }

  private onConnectionFrame(frame: Frame): void {
    if (frame.type !== FRAME_METHOD) throw new AmqpError(ReplyCode.unexpectedFrame, `type ${frame.type}, ${payloadSnippet(frame.payload)}`);
    const m = decodeMethodPayload(frame.payload);
    switch (this.state) {
      case 'start': return this.onStartOk(m);
      case 'tune': return this.onTuneOk(m);
      case 'open-wait': return this.onOpen(m);
      default: return this.onRunningConnectionMethod(m);
    }
  }

  /** Refuses a handshake the way RabbitMQ does: no reply, socket closed after a delay. */
  private silentClose(reason: string): void {
    this.host.logger.log('warn', 'connection.handshake_refused', { connection: this.id, remote: this.remote, reason });
    this.inputBroken = true;
    this.later(this.host.limits.silentCloseDelayMs, () => this.socket.destroy());
  }

  private onStartOk(m: AmqpMethod): void {
    if (m.name !== 'connection.start-ok') return this.silentClose(`expected connection.start-ok, got ${m.name}`);
    this.clientProperties = m.args.clientProperties;
    this.mechanism = m.args.mechanism;
    const creds = parseCredentials(m.args.mechanism, m.args.response);
    if (creds === 'unknown') return this.silentClose(`unknown authentication mechanism '${m.args.mechanism}'`);
    // A malformed response is a protocol error to RabbitMQ, not a failed login: no 403, just the socket closed.
    if (creds === 'invalid') return this.silentClose(`malformed ${m.args.mechanism} response`);
    const user = this.host.access.authenticate(creds.username, creds.password, this.socket.remoteAddress ?? '');
    if (!user) {
      this.host.logger.log('warn', 'connection.auth_failed', {
        connection: this.id, remote: this.remote, mechanism: m.args.mechanism, user: creds.username,
      });
      if (this.capability('authentication_failure_close')) {
        this.sendMethod(0, 'connection.close', {
          replyCode: ReplyCode.accessRefused,
          replyText: `ACCESS_REFUSED - Login was refused using authentication mechanism ${m.args.mechanism}. For details see the broker logfile.`,
          classId: 0, methodId: 0,
        });
      }
      this.inputBroken = true;
      this.socket.end();
      return;
    }
    this.user_ = user;
    this.state = 'tune';
    const l = this.host.limits;
    this.sendMethod(0, 'connection.tune', { channelMax: l.channelMax, frameMax: l.frameMax, heartbeat: l.heartbeat });
  }

  private onTuneOk(m: AmqpMethod): void {
    if (m.name !== 'connection.tune-ok') return this.silentClose(`expected connection.tune-ok, got ${m.name}`);
    const negotiated = negotiateTune(this.host.limits, m.args);
    if ('refused' in negotiated) return this.silentClose(negotiated.refused);
    this.frameMax = negotiated.frameMax;
    this.channelMax = negotiated.channelMax;
    this.heartbeat = negotiated.heartbeat;
    this.parser.frameMax = this.frameMax;
    this.state = 'open-wait';
    this.startHeartbeats();
  }

  private onOpen(m: AmqpMethod): void {
    if (m.name !== 'connection.open') return this.silentClose(`expected connection.open, got ${m.name}`);
    const name = m.args.virtualHost;
    const vhost = this.host.access.vhostExists(name) ? this.host.vhost(name) : undefined;
    if (!vhost) throw new AmqpError(ReplyCode.notAllowed, `vhost ${name} not found`, m.classId, m.methodId);
    if (!this.host.access.canAccessVhost(this.user, name)) {
      throw new AmqpError(ReplyCode.notAllowed, `access to vhost '${name}' refused for user '${this.user.username}'`, m.classId, m.methodId);
    }
    this.vhost_ = vhost;
    this.state = 'open';
    // Like rabbit_reader registering with rabbit_alarm: an alarm in effect makes this connection "blocking" at once.
    this.throttle.alarmsChanged(this.host.alarms);
    const timeoutCheck = setInterval(() => this.checkAcknowledgementTimeouts(), Math.min(60_000, Math.max(10, this.host.limits.consumerTimeoutMs / 4)));
    timeoutCheck.unref();
    this.timers.push(timeoutCheck);
    this.sendMethod(0, 'connection.open-ok', { knownHosts: '' });
    this.host.logger.log('info', 'connection.opened', {
      connection: this.id, remote: this.remote, user: this.user.username, vhost: name, mechanism: this.mechanism,
      clientProperties: plainTable(this.clientProperties), frameMax: this.frameMax, channelMax: this.channelMax, heartbeat: this.heartbeat,
    });
  }

  private onRunningConnectionMethod(m: AmqpMethod): void {
    if (m.name === 'connection.close') {
      this.host.logger.log('info', 'connection.closed', {
        connection: this.id, remote: this.remote, by: 'client', replyCode: m.args.replyCode, replyText: m.args.replyText,
      });
      this.shutdownChannels();
      this.sendMethod(0, 'connection.close-ok', {});
      this.state = 'closing';
      this.socket.end();
      return;
    }
    if (m.name === 'connection.close-ok') return;
    // RabbitMQ's internal auth backend accepts any new secret and keeps the session as it is.
    if (m.name === 'connection.update-secret') {
      this.sendMethod(0, 'connection.update-secret-ok', {});
      return;
    }
    throw new AmqpError(ReplyCode.channelError, `unexpected method in connection state running`, m.classId, m.methodId);
  }

  private onChannelFrame(frame: Frame): void {
    const slot = this.channels.get(frame.channel);
    if (!slot) return this.openChannel(frame);
    if (slot.closing) {
      if (frame.type !== FRAME_METHOD) return;
      const m = decodeMethodPayload(frame.payload);
      if (m.name === 'channel.close-ok') this.channels.delete(frame.channel);
      else if (m.name === 'channel.close') {
        this.sendMethod(frame.channel, 'channel.close-ok', {});
        this.channels.delete(frame.channel);
      }
      return;
    }
    try {
      const command = slot.assembler.push(frame);
      if (!command) {
        if (frame.type !== FRAME_METHOD) this.throttle.publishReceived();
        return;
      }
      const m = command.method;
      if (m.name === 'channel.close') {
        slot.channel.shutdown();
        this.channels.delete(frame.channel);
        this.sendMethod(frame.channel, 'channel.close-ok', {});
        return;
      }
      if (m.name === 'channel.close-ok') throw new AmqpError(ReplyCode.commandInvalid, 'unimplemented method', m.classId, m.methodId);
      slot.channel.handle(command, this);
      // rabbit_reader:post_process_frame: a content frame during an alarm blocks the connection once it is handled.
      if (frame.type !== FRAME_METHOD) this.throttle.publishReceived();
    } catch (err) {
      if (!(err instanceof AmqpError) || err.hard) throw err;
      this.closeChannel(frame.channel, slot, err);
    }
  }

  /** A soft error: the channel's consumers go, its unacked messages are requeued, channel.close is sent. */
  private closeChannel(id: number, slot: ChannelSlot, err: AmqpError): void {
    this.host.logger.log('info', 'channel.error', { connection: this.id, remote: this.remote, channel: id, replyCode: err.replyCode, replyText: err.replyText });
    slot.channel.shutdown();
    slot.closing = true;
    slot.assembler = new ContentAssembler(this.host.limits.maxMessageSize);
    this.sendMethod(id, 'channel.close', { replyCode: err.replyCode, replyText: err.replyText, classId: err.classId, methodId: err.methodId });
  }

  /** rabbit_channel:evaluate_consumer_timeout, run periodically for every open channel. */
  private checkAcknowledgementTimeouts(): void {
    if (this.state !== 'open') return;
    const timeout = this.host.limits.consumerTimeoutMs;
    const limit = Date.now() - timeout;
    for (const [id, slot] of this.channels) {
      if (slot.closing) continue;
      const oldest = slot.channel.oldestUnackedAt();
      if (oldest === undefined || oldest >= limit) continue;
      this.closeChannel(id, slot, new AmqpError(
        ReplyCode.preconditionFailed,
        `delivery acknowledgement on channel ${id} timed out. Timeout value used: ${timeout} ms. This timeout value can be configured, see consumers doc guide to learn more`,
      ));
    }
  }

  private openChannel(frame: Frame): void {
    if (frame.type !== FRAME_METHOD) throw new AmqpError(ReplyCode.unexpectedFrame, 'expected method frame, got non method frame instead');
    const m = decodeMethodPayload(frame.payload);
    if (m.name !== 'channel.open') throw new AmqpError(ReplyCode.channelError, "expected 'channel.open'", m.classId, m.methodId);
    // Like rabbit_reader:create_channel, the limit is on how many are open, not on channel numbers.
    if (this.channels.size >= this.channelMax) {
      throw new AmqpError(ReplyCode.notAllowed, `number of channels opened (${this.channels.size}) has reached the negotiated channel_max (${this.channelMax})`);
    }
    this.channels.set(frame.channel, { channel: new Channel(frame.channel, this), assembler: new ContentAssembler(this.host.limits.maxMessageSize), closing: false });
    this.sendMethod(frame.channel, 'channel.open-ok', { channelId: Buffer.alloc(0) });
  }

  private startHeartbeats(): void {
    if (this.heartbeat === 0) return;
    const ms = this.heartbeat * 1000;
    const sender = setInterval(() => {
      if (!this.sentSinceCheck && this.state !== 'closed') this.send(HEARTBEAT_FRAME);
      this.sentSinceCheck = false;
    }, ms / 2);
    const receiver = setInterval(() => {
      // rabbit_heartbeat:pause_monitor: a blocked client is not read, so its heartbeats cannot count.
      if (this.receivedSinceCheck || this.throttle.blocked) {
        this.missedHeartbeats = 0;
      } else if (++this.missedHeartbeats >= 2) {
        this.host.logger.log('warn', 'connection.missed_heartbeats', { connection: this.id, remote: this.remote, timeoutSeconds: this.heartbeat });
        this.socket.destroy();
      }
      this.receivedSinceCheck = false;
    }, ms);
    sender.unref();
    receiver.unref();
    this.timers.push(sender, receiver);
  }

  /** A hard error: connection.close with the error, channels shut, wait for close-ok. */
  private fail(err: AmqpError): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    // Before tune-ok completes RabbitMQ answers no error with connection.close: it closes the socket after a delay.
    if (this.state === 'header' || this.state === 'start' || this.state === 'tune') return this.silentClose(err.replyText);
    this.host.logger.log('warn', 'connection.error', { connection: this.id, remote: this.remote, replyCode: err.replyCode, replyText: err.replyText });
    this.close(err.replyCode, err.replyText, err.classId, err.methodId);
  }

  /** Server-initiated close (errors, shutdown with 320 CONNECTION_FORCED). */
  close(replyCode: number, replyText: string, classId = 0, methodId = 0): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    if (this.state === 'open') {
      this.host.logger.log('info', 'connection.closed', { connection: this.id, remote: this.remote, by: 'server', replyCode, replyText });
    }
    this.shutdownChannels();
    const held = this.inputHeld;
    this.state = 'closing';
    this.sendMethod(0, 'connection.close', { replyCode, replyText, classId, methodId });
    // A blocked connection is read again while closing, so its close-ok arrives (rabbit_reader leaves the blocked state).
    if (held) this.resumeInput();
    if (this.inputBroken) this.socket.end();
    this.later(this.host.limits.closeTimeoutMs, () => this.socket.destroy());
  }

  /** Channels shut (unacked requeued) and this connection's exclusive queues deleted. */
  private shutdownChannels(): void {
    for (const slot of this.channels.values()) slot.channel.shutdown();
    this.channels.clear();
    const vhost = this.vhost_;
    if (!vhost) return;
    for (const q of [...vhost.queues.values()]) if (q.exclusiveOwner === this) vhost.deleteQueue(q);
  }

  private onSocketClose(): void {
    const wasOpen = this.state === 'open';
    this.shutdownChannels();
    if (this.state !== 'closing' && wasOpen) {
      this.host.logger.log('info', 'connection.closed', { connection: this.id, remote: this.remote, by: 'network' });
    }
    this.state = 'closed';
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    this.host.connectionClosed(this);
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** What the management API shows of this connection (electron/broker/http). */
  info() {
    return {
      state: this.state, throttle: this.throttle.state, user: this.user_?.username, vhost: this.vhost_?.name, clientProperties: this.clientProperties,
      authMechanism: this.mechanism, frameMax: this.frameMax, channelMax: this.channelMax, heartbeat: this.heartbeat,
      peerHost: this.peerHost, peerPort: this.peerPort, host: this.localHost, port: this.localPort, connectedAt: this.connectedAt,
      recvOct: this.socket.bytesRead, sendOct: this.socket.bytesWritten,
      channels: [...this.channels.values()].filter((slot) => !slot.closing).map((slot) => slot.channel),
    };
  }

  /** A closed socket's promise for shutdown: resolves once the socket is gone. */
  closed(): Promise<void> {
    if (this.socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('close', () => resolve()));
  }
}
