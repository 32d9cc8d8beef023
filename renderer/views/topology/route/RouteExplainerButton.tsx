import { Icon } from '../../../components/Icon.js';

/** The topology toolbar's toggle for the route explainer. */
export function RouteExplainerButton({ pressed, onClick }: { pressed: boolean; onClick: () => void }) {
  return (
    <button type="button" className="button button--small route-toggle" aria-pressed={pressed} aria-keyshortcuts="r" title="Explain a route (R)" onClick={onClick}>
      <Icon name="exchanges" size={14} />
      Explain route
      <kbd className="route-toggle__key" aria-hidden="true">
        R
      </kbd>
    </button>
  );
}
