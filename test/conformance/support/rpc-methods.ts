import type { Channel } from 'amqplib';

/**
 * Methods amqplib has no API for (tx), or only in a form that cannot be
 * misused (confirm.select on any channel), sent through its channel's
 * rpc(). Method ids are (class << 16) | method: tx is class 90 (select 10,
 * commit 20, rollback 30), confirm is class 85 (select 10); each is
 * answered by the next id.
 */
const id = (classId: number, methodId: number) => (classId << 16) | methodId;

type RpcChannel = { rpc(method: number, fields: object, expect: number): Promise<unknown> };
const rpc = (ch: Channel, classId: number, methodId: number, fields: object = {}) =>
  (ch as unknown as RpcChannel).rpc(id(classId, methodId), fields, id(classId, methodId + 1));

export const txSelect = (ch: Channel) => rpc(ch, 90, 10);
export const txCommit = (ch: Channel) => rpc(ch, 90, 20);
export const txRollback = (ch: Channel) => rpc(ch, 90, 30);
export const confirmSelect = (ch: Channel) => rpc(ch, 85, 10, { nowait: false });
