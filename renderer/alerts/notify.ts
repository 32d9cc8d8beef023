import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { AlertRule, AlertState } from '../../shared/model/alerts.js';
import { useAlerts } from './useAlerts.js';

const OPT_IN_KEY = 'warren.alerts.notify';
const listeners = new Set<() => void>();

/** The browser's Notification API, when this page has one. */
function notificationApi(): typeof Notification | null {
  return typeof globalThis.Notification === 'function' ? globalThis.Notification : null;
}

/** Whether the user asked for desktop notifications (off until they turn it on; never asked on load). */
export function notificationsOptedIn(): boolean {
  try {
    return localStorage.getItem(OPT_IN_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * Turns desktop notifications on or off. Turning them on is a user gesture,
 * the only moment the browser's permission prompt is shown. Resolves to
 * whether notifications are on afterwards (off when permission is refused).
 */
export async function setNotificationsOptedIn(on: boolean): Promise<boolean> {
  let enabled = on;
  if (on) {
    const api = notificationApi();
    if (!api) enabled = false;
    else if (api.permission !== 'granted') enabled = (await api.requestPermission()) === 'granted';
  }
  try {
    localStorage.setItem(OPT_IN_KEY, enabled ? 'on' : 'off');
  } catch {
    // No storage (private mode): the choice lasts this page only.
  }
  for (const listener of listeners) listener();
  return enabled;
}

export function useNotificationsOptedIn(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notificationsOptedIn,
  );
}

export function notificationsSupported(): boolean {
  return notificationApi() !== null;
}

/**
 * Tells the user, outside the window, that a rule started firing, once they
 * opted in: the browser's Notification API, which in the desktop app shows
 * the system's own notifications (Electron main grants this permission to
 * our page and nothing else: electron/main/guards.ts).
 */
export function notifyAlert(rule: AlertRule, state: AlertState): void {
  if (!notificationsOptedIn()) return;
  const api = notificationApi();
  if (!api || api.permission !== 'granted') return;
  try {
    new api(`Alert: ${rule.queue}`, { body: `${state.text} (vhost ${rule.vhost})`, tag: `warren-alert-${rule.id}` });
  } catch {
    // Some browsers only notify from a service worker; the in-app list still shows it.
  }
}

/** Notifies each rule once as it starts firing (not the ones already firing when the app opened). */
export function useAlertNotifications(): void {
  const { rules, states, loaded } = useAlerts();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!loaded) return;
    const firing = new Set<string>();
    for (const rule of rules) if (rule.enabled && states.get(rule.id)?.firing) firing.add(rule.id);
    const before = seen.current;
    seen.current = firing;
    if (before === null) return;
    for (const rule of rules) {
      const state = states.get(rule.id);
      if (state && firing.has(rule.id) && !before.has(rule.id)) notifyAlert(rule, state);
    }
  }, [rules, states, loaded]);
}
