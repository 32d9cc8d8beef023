import { forwardRef } from 'react';
import { Icon } from '../../../components/Icon.js';

/** The topology toolbar's toggle for the route explainer. */
export const RouteExplainerButton = forwardRef<HTMLButtonElement, { pressed: boolean; onClick: () => void }>(function RouteExplainerButton({ pressed, onClick }, ref) {
  return (
    <button ref={ref} type="button" className="button button--small route-toggle" aria-pressed={pressed} aria-keyshortcuts="r" title="Explain a route (R)" onClick={onClick}>
      <Icon name="exchanges" size={14} />
      Explain route
      <kbd className="route-toggle__key" aria-hidden="true">
        R
      </kbd>
    </button>
  );
});
