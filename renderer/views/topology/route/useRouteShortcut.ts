import { useEffect } from 'react';

/** After "g" the next key belongs to the global view shortcuts (useShortcuts), so "g r" never toggles the explainer. */
const SEQUENCE_WINDOW_MS = 1200;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** "r" (route) toggles the route explainer while the topology view is shown, except while typing in a field. */
export function useRouteShortcut(toggle: () => void): void {
  useEffect(() => {
    let gPressedAt = 0;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'g') {
        gPressedAt = Date.now();
        return;
      }
      if (event.key !== 'r' || Date.now() - gPressedAt < SEQUENCE_WINDOW_MS) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
}
