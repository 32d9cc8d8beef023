export const ROUTES = ['overview', 'queues', 'exchanges', 'topology', 'connections', 'channels', 'consumers', 'definitions', 'profiles', 'broker'] as const;
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
];

export const PROFILES_KEY = 'p';
/** "g b": the embedded broker's page. */
export const BROKER_KEY = 'b';

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'overview';
}

export const hrefOf = (route: Route): string => `#/${route}`;
