export const ROUTES = ['overview', 'queues', 'exchanges', 'topology', 'connections', 'channels', 'consumers', 'definitions', 'scenarios', 'publish', 'consume', 'compare', 'profiles', 'broker'] as const;
export type Route = (typeof ROUTES)[number];

export type NavItem = {
  route: Route;
  label: string;
  /** The second key of the "g <key>" sequence. */
  key: string;
};

/** The sidebar's views, in order: Ctrl/⌘ + their position opens them too. */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'overview', label: 'Overview', key: 'o' },
  { route: 'queues', label: 'Queues', key: 'q' },
  { route: 'exchanges', label: 'Exchanges', key: 'e' },
  { route: 'topology', label: 'Topology', key: 't' },
  { route: 'connections', label: 'Connections', key: 'c' },
  { route: 'channels', label: 'Channels', key: 'h' },
  { route: 'consumers', label: 'Consumers', key: 'u' },
  { route: 'definitions', label: 'Definitions', key: 'd' },
  { route: 'scenarios', label: 'Scenarios', key: 's' },
  { route: 'publish', label: 'Publish', key: 'l' },
  { route: 'consume', label: 'Consume', key: 'm' },
];

export const PROFILES_KEY = 'p';
/** "g b": the embedded broker's page. */
export const BROKER_KEY = 'b';

export function routeFromHash(hash: string): Route {
  // The first segment names the view: `#/queues/<vhost>/<name>` is still the Queues view.
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

export const hrefOf = (route: Route): string => `#/${route}`;

/** One queue, as its detail page's address names it. */
export type QueueLocation = { vhost: string; name: string };

/** `#/queues/<vhost>/<name>`, each part percent-encoded: names hold spaces, dots, slashes, `/` is a vhost. */
export const queueHref = (vhost: string, name: string): string => `#/queues/${encodeURIComponent(vhost)}/${encodeURIComponent(name)}`;

/** The queue a detail page address names; null for the list (`#/queues`) or a malformed address. */
export function queueFromHash(hash: string): QueueLocation | null {
  const match = /^#\/?queues\/([^/]*)\/([^/]+)$/.exec(hash);
  if (!match) return null;
  try {
    return { vhost: decodeURIComponent(match[1] as string), name: decodeURIComponent(match[2] as string) };
  } catch {
    return null;
  }
}

/** An exchange or a queue the topology graph's address focuses on. */
export type TopologyEntity = { kind: 'exchange' | 'queue'; name: string };

/** The graph of one vhost, focused on some of its entities (none: the whole graph). */
export type TopologyLocation = { vhost: string; focus: TopologyEntity[] };

/**
 * `#/topology/<vhost>?focus=<kind>:<name>,...`, vhost and names percent-encoded
 * (so a name's own `,` and `:` never split it); no focus, no query.
 */
export function topologyHref(vhost: string, focus: readonly TopologyEntity[] = []): string {
  const base = `#/topology/${encodeURIComponent(vhost)}`;
  return focus.length === 0 ? base : `${base}?focus=${focus.map((e) => `${e.kind}:${encodeURIComponent(e.name)}`).join(',')}`;
}

/** The vhost and focus a graph address names; null for the plain view (`#/topology`) or a malformed address. */
export function topologyFromHash(hash: string): TopologyLocation | null {
  const match = /^#\/?topology\/([^/?]*)(?:\?focus=([^&]*))?$/.exec(hash);
  if (!match) return null;
  try {
    const focus: TopologyEntity[] = [];
    for (const item of match[2] ? match[2].split(',') : []) {
      const kind = /^(exchange|queue):/.exec(item)?.[1];
      if (kind !== 'exchange' && kind !== 'queue') return null;
      focus.push({ kind, name: decodeURIComponent(item.slice(kind.length + 1)) });
    }
    return { vhost: decodeURIComponent(match[1] as string), focus };
  } catch {
    return null;
  }
}
