import { useEffect } from 'react';
import { BROKER_KEY, NAV_ITEMS, PROFILES_KEY, type Route } from './routes.js';

/** How long after "g" the second key still counts. */
const SEQUENCE_WINDOW_MS = 1200;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** The element that "/" focuses: the current view's filter box. */
export const FILTER_INPUT_SELECTOR = '[data-filter-input]';

/**
 * Global keys: "g o" / "g q" / ... and Ctrl/⌘+1..6 to switch views, "/" to
 * focus the filter. Ignored while typing in a field.
 */
export function useShortcuts(navigate: (route: Route) => void): void {
  useEffect(() => {
    let gPressedAt = 0;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && /^[1-9]$/.test(event.key)) {
        const item = NAV_ITEMS[Number(event.key) - 1];
        if (item) {
          event.preventDefault();
          navigate(item.route);
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === '/') {
        const input = document.querySelector<HTMLInputElement>(FILTER_INPUT_SELECTOR);
        if (input) {
          event.preventDefault();
          input.focus();
          input.select();
        }
        return;
      }
      if (event.key === 'g') {
        gPressedAt = Date.now();
        return;
      }
      if (Date.now() - gPressedAt < SEQUENCE_WINDOW_MS) {
        gPressedAt = 0;
        const item = NAV_ITEMS.find((i) => i.key === event.key);
        if (item) navigate(item.route);
        else if (event.key === PROFILES_KEY) navigate('profiles');
        else if (event.key === BROKER_KEY) navigate('broker');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
