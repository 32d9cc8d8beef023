import type { ScenarioActor, ScenarioId, ScenarioInfo } from '../../../shared/model/scenarios.js';

/** What a scenario declares before its actors start; declarations match the example topology's, so both can coexist. */
export interface ScenarioTopology {
  queues: { name: string; durable: boolean }[];
  exchanges: { name: string; type: 'fanout' | 'direct' | 'topic'; bindings: { queue: string; key: string }[] }[];
}

/** Publishes at a steady rate; the nth message (from 0) goes with the nth key. */
export interface ProducerSpec {
  kind: 'producer';
  name: string;
  detail: string;
  ratePerSecond: number;
  exchange: string;
  key(n: number): string;
  body(n: number, key: string): string;
  persistent: boolean;
}

/** Consumes a queue; with `workMs` it acks each message after that long, one at a time (prefetch 1). */
export interface ConsumerSpec {
  kind: 'consumer';
  name: string;
  detail: string;
  queue: string;
  /** Manual ack after simulated work of this many ms per message; absent: auto-ack. */
  workMs?: number;
  prefetch?: number;
}

/** Answers requests on `queue` with fib(n) to their reply-to, correlation id kept. */
export interface RpcServerSpec {
  kind: 'rpc-server';
  name: string;
  detail: string;
  queue: string;
}

/** Calls the server at a steady rate through an exclusive callback queue, matching replies by correlation id. */
export interface RpcClientSpec {
  kind: 'rpc-client';
  name: string;
  detail: string;
  queue: string;
  ratePerSecond: number;
  argument(n: number): number;
}

export type ActorSpec = ProducerSpec | ConsumerSpec | RpcServerSpec | RpcClientSpec;

export interface ScenarioSpec {
  info: ScenarioInfo;
  topology: ScenarioTopology;
  actors: ActorSpec[];
}

const ROLES: Record<ActorSpec['kind'], ScenarioActor['role']> = { producer: 'producer', consumer: 'consumer', 'rpc-server': 'server', 'rpc-client': 'client' };

export const roleOf = (actor: ActorSpec): ScenarioActor['role'] => ROLES[actor.kind];

export type ScenarioCatalogue = Record<ScenarioId, ScenarioSpec>;
