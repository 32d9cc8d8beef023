import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/topology/change.js';
import { dependencyOrder, orderChanges } from '../../../shared/topology/order-changes.js';

const v = 'v';
const exchange = (name: string): Change => ({ kind: 'declareExchange', vhost: v, name, type: 'direct', durable: true, autoDelete: false, internal: false, arguments: {} });
const queue = (name: string, args: Record<string, unknown> = {}): Change => ({ kind: 'declareQueue', vhost: v, name, durable: true, autoDelete: false, arguments: args });
const bind = (source: string, destination: string, routingKey = ''): Change => ({ kind: 'bind', vhost: v, source, destination, destinationType: 'queue', routingKey, arguments: {} });
const unbind = (source: string, destination: string, routingKey = ''): Change => ({ kind: 'unbind', vhost: v, source, destination, destinationType: 'queue', routingKey, arguments: {} });
const label = (c: Change): string => `${c.kind}:${'name' in c ? c.name : 'source' in c ? `${c.source}>${c.destination}` : c.user}`;

describe('dependencyOrder', () => {
  it('puts what others depend on first and removals last, each phase in the given order', () => {
    const changes: Change[] = [
      { kind: 'deleteVhost', name: 'old' },
      { kind: 'deleteQueue', vhost: v, name: 'gone' },
      bind('x', 'q1'),
      unbind('x', 'q0'),
      queue('q1'),
      { kind: 'deleteExchange', vhost: v, name: 'gone-x' },
      exchange('x'),
      { kind: 'putPermission', user: 'u', vhost: 'new', configure: '.*', write: '.*', read: '.*' },
      { kind: 'putPolicy', vhost: v, name: 'p', pattern: '.*', applyTo: 'queues', priority: 0, definition: {} },
      { kind: 'putUser', name: 'u', passwordHash: '', tags: [] },
      { kind: 'putVhost', name: 'new' },
      { kind: 'deletePolicy', vhost: v, name: 'old-p' },
      { kind: 'deleteUser', name: 'old-u' },
      { kind: 'deletePermission', user: 'old-u', vhost: v },
    ];
    expect(orderChanges(changes).map(label)).toEqual([
      'putVhost:new',
      'putUser:u',
      'putPermission:u',
      'putPolicy:p',
      'declareExchange:x',
      'declareQueue:q1',
      'bind:x>q1',
      'unbind:x>q0',
      'deleteQueue:gone',
      'deleteExchange:gone-x',
      'deletePolicy:old-p',
      'deletePermission:old-u',
      'deleteUser:old-u',
      'deleteVhost:old',
    ]);
  });

  it('puts topic permissions with permissions, parameters with policies, global parameters first, and their removals before users and vhosts', () => {
    const changes: Change[] = [
      { kind: 'deleteVhost', name: 'old' },
      { kind: 'deleteTopicPermission', user: 'old-u', vhost: 'old', exchange: 't' },
      { kind: 'deleteGlobalParameter', name: 'old-g' },
      { kind: 'deleteUser', name: 'old-u' },
      { kind: 'deleteParameter', component: 'vhost-limits', vhost: 'old', name: 'limits' },
      exchange('x'),
      { kind: 'putParameter', component: 'vhost-limits', vhost: 'new', name: 'limits', value: { 'max-queues': 5 } },
      { kind: 'putTopicPermission', user: 'u', vhost: 'new', exchange: 'x', write: '.*', read: '.*' },
      { kind: 'putUser', name: 'u', passwordHash: '', tags: [] },
      { kind: 'putVhost', name: 'new' },
      { kind: 'putGlobalParameter', name: 'g', value: 1 },
    ];
    expect(orderChanges(changes).map(label)).toEqual([
      'putVhost:new',
      'putGlobalParameter:g',
      'putUser:u',
      'putTopicPermission:u',
      'putParameter:limits',
      'declareExchange:x',
      'deleteGlobalParameter:old-g',
      'deleteParameter:limits',
      'deleteTopicPermission:old-u',
      'deleteUser:old-u',
      'deleteVhost:old',
    ]);
  });

  it('keeps a delete and its recreation adjacent at the declare, after the unbinds that touch it', () => {
    const changes: Change[] = [
      queue('a'),
      queue('q', { 'x-max-length': 5 }),
      bind('x', 'q', 'k2'),
      unbind('x', 'q', 'k1'),
      { kind: 'deleteQueue', vhost: v, name: 'q', messages: 3 },
      unbind('x', 'a', 'k'),
    ];
    expect(orderChanges(changes).map((c) => `${label(c)}${'routingKey' in c ? `/${c.routingKey}` : ''}`)).toEqual([
      'unbind:x>q/k1',
      'declareQueue:a',
      'deleteQueue:q',
      'declareQueue:q',
      'bind:x>q/k2',
      'unbind:x>a/k',
    ]);
  });

  it('is a permutation of the indices: nothing dropped, nothing repeated', () => {
    const changes: Change[] = [queue('q'), { kind: 'deleteQueue', vhost: v, name: 'q' }, { kind: 'deleteQueue', vhost: v, name: 'q' }, bind('x', 'q')];
    expect([...dependencyOrder(changes)].sort()).toEqual([0, 1, 2, 3]);
  });
});
