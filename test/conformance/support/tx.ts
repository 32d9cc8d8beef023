import type { Channel } from 'amqplib';

/**
 * amqplib has no tx API, but its channel's rpc() sends any method by id.
 * Method ids are (class << 16) | method for class tx (90): select 10,
 * commit 20, rollback 30, each answered by the next id.
 */
const TX = (m: number) => (90 << 16) | m;

type RpcChannel = { rpc(method: number, fields: object, expect: number): Promise<unknown> };

export const txSelect = (ch: Channel) => (ch as unknown as RpcChannel).rpc(TX(10), {}, TX(11));
export const txCommit = (ch: Channel) => (ch as unknown as RpcChannel).rpc(TX(20), {}, TX(21));
export const txRollback = (ch: Channel) => (ch as unknown as RpcChannel).rpc(TX(30), {}, TX(31));
