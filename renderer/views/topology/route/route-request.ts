import { hrefOf } from '../../../navigation/routes.js';
import type { RouteMessage } from './route-form.js';

/**
 * How a view outside the topology graph (the workbench) asks for a route
 * explanation: it leaves the message here and navigates to the Topology
 * view, whose explainer opens prefilled with it. One request at a time; a
 * newer one replaces an unread one.
 */
let pending: RouteMessage | null = null;
const listeners = new Set<() => void>();

export function requestRouteExplanation(message: RouteMessage): void {
  pending = message;
  for (const listener of [...listeners]) listener();
  // Already in the Topology view, a listener took it; otherwise the view takes it as it mounts.
  window.location.hash = hrefOf('topology');
}

/** The waiting request, removed as it is read. */
export function takeRouteRequest(): RouteMessage | null {
  const message = pending;
  pending = null;
  return message;
}

export function onRouteRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
