import { describe, expect, it } from 'vitest';
import { routeFromHash, topologyFromHash, topologyHref, type TopologyEntity } from '../../../../renderer/navigation/routes.js';

describe('topology graph addresses', () => {
  it.each<[string, TopologyEntity[]]>([
    ['/', []],
    ['/', [{ kind: 'queue', name: 'orders' }]],
    ['shop/eu', [{ kind: 'exchange', name: 'orders v2/ü' }, { kind: 'queue', name: 'a/b.c' }]],
    ['ünï', [{ kind: 'queue', name: 'caf\u00e9 ☕ 队列' }, { kind: 'exchange', name: '' }]],
    ['%2F', [{ kind: 'queue', name: 'a,b:c?focus=x&y' }, { kind: 'exchange', name: '100%' }]],
  ])('round-trips vhost %j focused on %j', (vhost, focus) => {
    const href = topologyHref(vhost, focus);
    expect(href.split('/')).toHaveLength(3);
    expect(topologyFromHash(href)).toEqual({ vhost, focus });
    expect(routeFromHash(href)).toBe('topology');
  });

  it('spells the address as documented', () => {
    expect(topologyHref('/', [{ kind: 'exchange', name: 'topic_logs' }, { kind: 'queue', name: 'a b' }])).toBe('#/topology/%2F?focus=exchange:topic_logs,queue:a%20b');
    expect(topologyHref('/')).toBe('#/topology/%2F');
  });

  it('answers null for the plain view or a malformed address', () => {
    expect(topologyFromHash('#/topology')).toBeNull();
    expect(topologyFromHash('#/topology/a/b')).toBeNull();
    expect(topologyFromHash('#/topology/%E0%A4%A')).toBeNull();
    expect(topologyFromHash('#/topology/%2F?focus=binding:x')).toBeNull();
    expect(topologyFromHash('#/topology/%2F?focus=queue:%E0%A4%A')).toBeNull();
    expect(topologyFromHash('#/queues/%2F/x')).toBeNull();
  });
});
