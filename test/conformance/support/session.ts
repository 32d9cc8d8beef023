import amqp, { type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Target } from './targets.js';

let counter = 0;

/**
 * One test's footprint on a broker. RabbitMQ is shared with other suites,
 * so every name is unique and everything declared through the session is
 * deleted afterwards, whether the test passed or not.
 */
export class Session {
  private readonly connections: ChannelModel[] = [];
  private readonly queues = new Set<string>();
  private readonly exchanges = new Set<string>();
  private readonly vhosts = new Set<string>();
  private readonly users = new Set<string>();
  private defaultConnection: Promise<ChannelModel> | undefined;
  private readonly prefix = `conf-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

  constructor(readonly target: Target) {}

  /** A unique name, not tracked (e.g. for a consumer tag or a user-chosen key). */
  name(tag: string): string {
    return `${this.prefix}-${tag}`;
  }

  /** A unique queue name, deleted at cleanup. */
  queueName(tag = 'q'): string {
    const n = this.name(tag);
    this.queues.add(n);
    return n;
  }

  /** Track a server-named queue for cleanup. */
  trackQueue(name: string): string {
    this.queues.add(name);
    return name;
  }

  /** Track an exchange declared by another client for cleanup. */
  trackExchange(name: string): string {
    this.exchanges.add(name);
    return name;
  }

  /** A unique exchange name, deleted at cleanup. */
  exchangeName(tag = 'x'): string {
    const n = this.name(tag);
    this.exchanges.add(n);
    return n;
  }

  async vhost(tag = 'vh'): Promise<string> {
    const admin = this.target.admin;
    const n = this.name(tag);
    this.vhosts.add(n);
    await admin.createVhost(n);
    return n;
  }

  async user(tag: string, password: string, tags: string[] = []): Promise<string> {
    const admin = this.target.admin;
    const n = this.name(tag);
    this.users.add(n);
    await admin.createUser(n, password, tags);
    return n;
  }

  /** A user created from a precomputed password hash. */
  async userWithHash(tag: string, passwordHash: string, hashingAlgorithm: string): Promise<string> {
    const admin = this.target.admin;
    const n = this.name(tag);
    this.users.add(n);
    await admin.createUserWithHash(n, passwordHash, hashingAlgorithm);
    return n;
  }

  /** Users, vhosts and permissions of the target. */
  admin() {
    return this.target.admin;
  }

  /**
   * A new connection, closed at cleanup. Unhandled 'error' events are
   * absorbed; scenarios that expect one listen for it. Credentials go in
   * amqplib's object form: its URL parser unescapes them as Latin-1.
   */
  async connect(opts: { user?: string; password?: string; vhost?: string } = {}): Promise<ChannelModel> {
    const conn = await amqp.connect({
      protocol: 'amqp',
      hostname: this.target.host,
      port: this.target.port,
      username: opts.user ?? 'guest',
      password: opts.password ?? 'guest',
      vhost: opts.vhost ?? '/',
    });
    conn.on('error', () => undefined);
    this.connections.push(conn);
    return conn;
  }

  /** The session's shared connection. */
  conn(): Promise<ChannelModel> {
    this.defaultConnection ??= this.connect();
    return this.defaultConnection;
  }

  async channel(conn?: ChannelModel): Promise<Channel> {
    const ch = await (conn ?? (await this.conn())).createChannel();
    ch.on('error', () => undefined);
    return ch;
  }

  async confirmChannel(conn?: ChannelModel): Promise<ConfirmChannel> {
    const ch = await (conn ?? (await this.conn())).createConfirmChannel();
    ch.on('error', () => undefined);
    return ch;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.connections.splice(0).map((c) => c.close().catch(() => undefined)));
    if (this.queues.size > 0 || this.exchanges.size > 0) {
      const conn = await amqp.connect(this.target.url());
      conn.on('error', () => undefined);
      try {
        for (const q of this.queues) await this.tolerant(conn, (ch) => ch.deleteQueue(q));
        for (const x of this.exchanges) await this.tolerant(conn, (ch) => ch.deleteExchange(x));
      } finally {
        await conn.close().catch(() => undefined);
      }
    }
    for (const v of this.vhosts) await this.target.admin.deleteVhost(v);
    for (const u of this.users) await this.target.admin.deleteUser(u);
  }

  /** Runs one operation on its own channel, so a refusal (e.g. already deleted) does not stop the rest. */
  private async tolerant(conn: ChannelModel, op: (ch: Channel) => Promise<unknown>): Promise<void> {
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    try {
      await op(ch);
      await ch.close();
    } catch {
      // The channel is gone with the refusal; nothing left to delete.
    }
  }
}
