import { Icon } from '../components/Icon.js';
import { hasBrokerData } from '../state/selectors.js';
import { useConsole } from '../state/StoreProvider.js';

/** The page lost its link to Warren's own backend (web host stopped, socket dropped): nothing below is live. */
export function BackendLinkBanner() {
  const reachable = useConsole((s) => s.backendReachable);
  const showingData = useConsole(hasBrokerData);
  if (reachable) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <Icon name="warning" />
      <div className="banner__text">
        <strong>Lost the link to Warren’s backend.</strong> Reconnecting…{showingData ? ' The data below is the last received.' : ''}
      </div>
    </div>
  );
}
