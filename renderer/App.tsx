import { useEffect, type ReactNode } from 'react';
import { EmptyState } from './components/EmptyState.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { NAV_ITEMS, type Route } from './navigation/routes.js';
import { useRoute } from './navigation/useRoute.js';
import { useShortcuts } from './navigation/useShortcuts.js';
import { useDesktopCommands } from './desktop/useDesktopCommands.js';
import { BrokerView } from './broker/BrokerView.js';
import { useEmbeddedProfileSync } from './broker/useEmbeddedProfileSync.js';
import { useAlertNotifications } from './alerts/notify.js';
import { ProfilesView } from './profiles/ProfilesView.js';
import { BackendLinkBanner } from './shell/BackendLinkBanner.js';
import { CommandPalette } from './shell/CommandPalette.js';
import { DisconnectedBanner } from './shell/DisconnectedBanner.js';
import { NotConnected } from './shell/NotConnected.js';
import { Sidebar } from './shell/Sidebar.js';
import { TopBar } from './shell/TopBar.js';
import type { ConsoleStore } from './state/consoleStore.js';
import { hasBrokerData, isStale, sessionProfile } from './state/selectors.js';
import { StoreProvider, useConsole, useStore } from './state/StoreProvider.js';
import { ChannelsView } from './views/ChannelsView.js';
import { ConnectionsView } from './views/ConnectionsView.js';
import { ConsumersView } from './views/ConsumersView.js';
import { DefinitionsView } from './views/definitions/DefinitionsView.js';
import { ExchangesView } from './views/ExchangesView.js';
import { OverviewView } from './views/OverviewView.js';
import { QueueRoute } from './views/queue/QueueRoute.js';
import { CompareView } from './views/compare/CompareView.js';
import { ConsumeView } from './views/consume/ConsumeView.js';
import { PublishView } from './views/publish/PublishView.js';
import { ScenariosView } from './views/scenarios/ScenariosView.js';
import { TopologyView } from './views/topology/TopologyView.js';

function viewFor(route: Exclude<Route, 'profiles' | 'broker'>): ReactNode {
  switch (route) {
    case 'overview':
      return <OverviewView />;
    case 'queues':
      return <QueueRoute />;
    case 'exchanges':
      return <ExchangesView />;
    case 'topology':
      return <TopologyView />;
    case 'connections':
      return <ConnectionsView />;
    case 'channels':
      return <ChannelsView />;
    case 'consumers':
      return <ConsumersView />;
    case 'definitions':
      return <DefinitionsView />;
    case 'scenarios':
      return <ScenariosView />;
    case 'compare':
      return <CompareView />;
    case 'publish':
      return <PublishView />;
    case 'consume':
      return <ConsumeView />;
  }
}

function Content({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  const store = useStore();
  const loaded = useConsole((s) => s.loaded);
  const loadError = useConsole((s) => s.loadError);
  const hasProfiles = useConsole((s) => s.profiles.length > 0);
  const hasData = useConsole(hasBrokerData);
  const stale = useConsole((s) => isStale(s) || !s.backendReachable);

  if (!loaded) return <div className="content" aria-busy="true" />;
  if (loadError) {
    return (
      <div className="content">
        <EmptyState title="Cannot reach the Warren backend">
          <p>{loadError}</p>
          <button type="button" className="button" onClick={() => void store.reload()}>
            Try again
          </button>
        </EmptyState>
      </div>
    );
  }
  // Warren's own broker: reachable with no profile and no connection, so it can be turned on from here.
  if (route === 'broker') {
    return (
      <div className="content">
        <div className="content__view">
          <ErrorBoundary what="the Embedded broker page">
            <BrokerView />
          </ErrorBoundary>
        </div>
      </div>
    );
  }
  if (route === 'profiles' || !hasProfiles) {
    return (
      <div className="content">
        <ErrorBoundary what="the profiles screen">
          <ProfilesView onConnected={() => navigate('overview')} />
        </ErrorBoundary>
      </div>
    );
  }
  return (
    <div className={`content${stale && hasData ? ' is-stale' : ''}`}>
      <BackendLinkBanner />
      <DisconnectedBanner />
      <div className="content__view">
        {/* Keyed by route: moving to another view clears a crashed one. */}
        <ErrorBoundary key={route} what={`the ${NAV_ITEMS.find((i) => i.route === route)?.label ?? route} view`}>
          {hasData ? viewFor(route) : <NotConnected />}
        </ErrorBoundary>
      </div>
    </div>
  );
}

function Shell() {
  const [route, navigate] = useRoute();
  useShortcuts(navigate);
  useDesktopCommands(navigate);
  useEmbeddedProfileSync();
  useAlertNotifications();
  const hasProfiles = useConsole((s) => s.profiles.length > 0);
  const title = route === 'profiles' ? 'Profiles' : route === 'broker' ? 'Embedded broker' : hasProfiles ? (route === 'compare' ? 'Compare queues' : (NAV_ITEMS.find((i) => i.route === route)?.label ?? '')) : 'Welcome';
  const showVhost = hasProfiles && route !== 'profiles' && route !== 'broker' && route !== 'overview' && route !== 'definitions';
  const profileName = useConsole((s) => sessionProfile(s)?.name);
  // The window or tab title says which broker this is, for people with several open.
  useEffect(() => {
    document.title = profileName ? `${title} · ${profileName} — Warren` : 'Warren';
  }, [title, profileName]);
  return (
    <div className="app">
      <Sidebar route={route} navigate={navigate} />
      <CommandPalette navigate={navigate} />
      <main className="main">
        <TopBar title={title} showVhost={showVhost} />
        <Content route={route} navigate={navigate} />
      </main>
    </div>
  );
}

export function App({ store }: { store: ConsoleStore }) {
  useEffect(() => store.start(), [store]);
  return (
    <StoreProvider store={store}>
      <Shell />
    </StoreProvider>
  );
}
