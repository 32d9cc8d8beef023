import { Icon, type IconName } from '../components/Icon.js';
import { hrefOf, NAV_ITEMS, type Route } from '../navigation/routes.js';
import { hasBrokerData, inVhost } from '../state/selectors.js';
import { useConsole } from '../state/StoreProvider.js';
import type { ConsoleState } from '../state/consoleState.js';
import { useConsoleList } from '../state/useConsoleList.js';
import { ProfileSwitcher } from './ProfileSwitcher.js';

const ICONS: Record<Route, IconName> = {
  overview: 'overview',
  queues: 'queues',
  exchanges: 'exchanges',
  topology: 'topology',
  connections: 'connections',
  channels: 'channels',
  consumers: 'consumers',
  definitions: 'file',
  scenarios: 'play',
  publish: 'redo',
  consume: 'search',
  // Reached from a queue's page, not the sidebar: highlighted under no item.
  compare: 'queues',
  profiles: 'server',
  broker: 'broker',
};

/** Row counts beside each nav item, in the selected vhost, so the sidebar doubles as a summary and agrees with the views. */
function countOf(route: Route, state: ConsoleState): number | null {
  const { inventory, vhost } = state;
  switch (route) {
    case 'queues':
      return inVhost(inventory.queues, vhost).length;
    case 'exchanges':
      return inVhost(inventory.exchanges, vhost).length;
    case 'connections':
      return inVhost(inventory.connections, vhost).length;
    case 'channels':
      return inVhost(inventory.channels, vhost).length;
    case 'consumers':
      return inVhost(inventory.consumers, vhost).length;
    default:
      return null;
  }
}

export function Sidebar({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  // Only what the sidebar shows: the whole state changes with every sample and session.state.
  const counts = useConsoleList((s) => NAV_ITEMS.map((item) => countOf(item.route, s)));
  // Counts of a broker we are not on would be zeros that mean nothing.
  const showCounts = useConsole(hasBrokerData);
  const hasProfiles = useConsole((s) => s.profiles.length > 0);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar__brand">
        <span className="wordmark" aria-label="Warren">
          <span className="wordmark__mark" aria-hidden="true" />
          <span className="wordmark__text">Warren</span>
        </span>
      </div>
      <ProfileSwitcher navigate={navigate} />
      <ul className="nav">
        {NAV_ITEMS.map((item, index) => {
          const count = showCounts ? (counts[index] ?? null) : null;
          const active = hasProfiles && route === item.route;
          return (
            <li key={item.route}>
              <a
                href={hrefOf(item.route)}
                className={`nav__item${active ? ' is-active' : ''}`}
                aria-current={active ? 'page' : undefined}
                aria-label={item.label}
                title={`${item.label} — G ${item.key.toUpperCase()} or Ctrl+${index + 1}`}
              >
                <Icon name={ICONS[item.route]} />
                <span className="nav__label">{item.label}</span>
                {count !== null ? <span className="nav__count">{count.toLocaleString('en-US')}</span> : null}
              </a>
            </li>
          );
        })}
      </ul>
      <div className="sidebar__footer">
        <a
          href={hrefOf('broker')}
          className={`nav__item${route === 'broker' ? ' is-active' : ''}`}
          aria-current={route === 'broker' ? 'page' : undefined}
          aria-label="Embedded broker"
          title="Warren's embedded broker — G B"
        >
          <Icon name={ICONS.broker} />
          <span className="nav__label">Embedded broker</span>
        </a>
        <a
          href={hrefOf('profiles')}
          className={`nav__item${route === 'profiles' ? ' is-active' : ''}`}
          aria-current={route === 'profiles' ? 'page' : undefined}
          aria-label="Profiles"
          title="Broker profiles — G P"
        >
          <Icon name={ICONS.profiles} />
          <span className="nav__label">Profiles</span>
        </a>
        <p className="sidebar__keys">
          <kbd className="kbd">G</kbd> then <kbd className="kbd">O</kbd>/<kbd className="kbd">Q</kbd>/<kbd className="kbd">E</kbd>… to jump, <kbd className="kbd">/</kbd> to filter
        </p>
      </div>
    </nav>
  );
}
