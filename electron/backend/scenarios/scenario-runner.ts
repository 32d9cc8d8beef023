import type { ChannelModel } from 'amqplib';
import type { ScenarioState } from '../../../shared/model/scenarios.js';
import { closeQuietly } from '../amqp/close-quietly.js';
import type { Logger } from '../logger.js';
import { brokerWords } from '../workbench/consume/broker-words.js';
import { type ActorCounts, type RunningActor, startActor } from './actors.js';
import { coalesce } from './coalesce.js';
import { type ScenarioSpec, roleOf } from './scenario-spec.js';

/** A scenario's state goes out at most this often while its counters move. */
export const STATE_INTERVAL_MS = 1000;

export interface ScenarioRunner {
  readonly profileId: string;
  state(): ScenarioState;
  /** Resolves with the state once the topology is declared and every actor runs, or it failed. */
  readonly started: Promise<ScenarioState>;
  /** Stops the actors and closes the scenario's connection (unacked messages go back to their queues). */
  stop(): Promise<ScenarioState>;
}

export interface RunOptions {
  spec: ScenarioSpec;
  vhost: string;
  profileId: string;
  /** A connection of the scenario's own into `vhost`; rejects with the broker's words. */
  connect(): Promise<ChannelModel>;
  emit(state: ScenarioState): void;
  log: Logger;
}

/**
 * One run of a scenario on its own connection: declares its topology, starts its actors,
 * each on a channel of its own, and reports their counts. Any refusal or loss (a vhost
 * not permitted, a queue declared differently, the broker going away) ends it as failed
 * with the broker's words and nothing left running.
 */
export function runScenario(options: RunOptions): ScenarioRunner {
  const { spec, vhost, log } = options;
  let status: ScenarioState['status'] = 'starting';
  let error: string | null = null;
  let startedAt: number | null = null;
  let connection: ChannelModel | null = null;
  let actors: RunningActor[] = [];
  const counts: ActorCounts[] = spec.actors.map(() => ({ sent: 0, received: 0 }));
  const live = () => status === 'starting' || status === 'running';

  const state = (): ScenarioState => ({
    id: spec.info.id,
    vhost,
    status,
    startedAt,
    error,
    actors: spec.actors.map((actor, i) => ({ name: actor.name, role: roleOf(actor), detail: actor.detail, ...counts[i]! })),
  });
  const ticker = coalesce(() => options.emit(state()), STATE_INTERVAL_MS);

  async function teardown(): Promise<void> {
    for (const actor of actors) actor.stop();
    actors = [];
    ticker.stop();
    const open = connection;
    connection = null;
    if (open) await closeQuietly(open);
  }

  async function fail(err: unknown): Promise<void> {
    if (!live()) return;
    status = 'failed';
    error = brokerWords(err);
    log.warn('scenario failed', { id: spec.info.id, vhost, error });
    await teardown();
    ticker.flush();
  }

  async function start(): Promise<ScenarioState> {
    ticker.flush();
    try {
      const opened = await options.connect();
      if (!live()) {
        await closeQuietly(opened);
        return state();
      }
      connection = opened;
      opened.on('error', () => undefined);
      opened.on('close', (err?: Error) => void fail(err ?? new Error('The broker closed the scenario’s connection')));
      const setup = await opened.createChannel();
      setup.on('error', () => undefined);
      for (const queue of spec.topology.queues) await setup.assertQueue(queue.name, { durable: queue.durable });
      for (const exchange of spec.topology.exchanges) {
        await setup.assertExchange(exchange.name, exchange.type, { durable: true });
        for (const binding of exchange.bindings) await setup.bindQueue(binding.queue, exchange.name, binding.key);
      }
      await setup.close();
      for (const [i, actorSpec] of spec.actors.entries()) {
        if (!live()) break;
        const channel = await opened.createChannel();
        channel.on('error', (err: Error) => void fail(err));
        const actor = await startActor(actorSpec, { channel, counts: counts[i]!, changed: ticker.mark, fail: (err) => void fail(err) });
        if (live()) actors.push(actor);
        else actor.stop();
      }
      if (status === 'starting') {
        status = 'running';
        startedAt = Date.now();
        log.info('scenario started', { id: spec.info.id, vhost });
        ticker.flush();
      }
    } catch (err) {
      await fail(err);
    }
    return state();
  }

  const started = start();
  return {
    profileId: options.profileId,
    state,
    started,
    async stop() {
      if (!live()) return state();
      status = 'stopping';
      ticker.flush();
      await teardown();
      status = 'stopped';
      log.info('scenario stopped', { id: spec.info.id, vhost });
      options.emit(state());
      return state();
    },
  };
}
