/**
 * The window's security decisions as plain functions, so tests can call them
 * without the Electron binary. main.ts only wires them to Electron's events.
 */

/** The one document the window may show: our index.html, any hash (the renderer routes by hash). */
export function isOurDocument(url: string, indexUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  parsed.hash = '';
  parsed.search = '';
  return parsed.href === indexUrl;
}

/**
 * Hosts whose pages a link in Warren may open, in the user's browser: the
 * documentation the interface points to. Anything else stays unopened.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['www.rabbitmq.com', 'rabbitmq.com', 'github.com', 'www.electronjs.org']);

/** https, an allow-listed host, no credentials in the URL, the default port. */
export function externalUrlAllowed(url: string, hosts: ReadonlySet<string> = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && hosts.has(parsed.hostname);
}

export type OpenExternal = (url: string) => unknown;

/**
 * setWindowOpenHandler: never a new Electron window. An allow-listed https
 * link (target=_blank) opens in the user's browser instead; the rest, nowhere.
 */
export function windowOpenHandler(openExternal: OpenExternal) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (externalUrlAllowed(url)) openExternal(url);
    return { action: 'deny' };
  };
}

/**
 * will-navigate / will-redirect: leaving index.html would run foreign content
 * with our preload. An allow-listed https link goes to the user's browser.
 */
export function blockNavigation(indexUrl: string, openExternal?: OpenExternal) {
  return (event: { preventDefault(): void }, url: string): void => {
    if (isOurDocument(url, indexUrl)) return;
    event.preventDefault();
    if (openExternal && externalUrlAllowed(url)) openExternal(url);
  };
}

/** will-attach-webview: a <webview> would be a second, unguarded renderer. */
export function blockWebview(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * The permissions the console uses, and only for our own document:
 * notifications (alerts, after the user opts in) and writing to the clipboard
 * (copy buttons). Camera, microphone, geolocation, HID, serial, MIDI,
 * fullscreen from the page, opening external protocols…: refused.
 */
const NEEDED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requesting: string | undefined, indexUrl: string): boolean {
  return NEEDED_PERMISSIONS.has(permission) && requesting !== undefined && sameApp(requesting, indexUrl);
}

/**
 * Whether a URL or an origin Chromium names is our app's: same scheme and
 * host as index.html. The app's scheme serves nothing but the renderer's own
 * files, so its origin is as narrow as the document.
 */
export function sameApp(url: string, indexUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(indexUrl);
    return a.protocol === b.protocol && a.host === b.host && a.username === '' && a.password === '';
  } catch {
    return false;
  }
}

/** session.setPermissionRequestHandler. */
export function permissionRequestHandler(indexUrl: string) {
  return (_contents: unknown, permission: string, callback: (granted: boolean) => void, details?: { requestingUrl?: string }): void => {
    callback(permissionAllowed(permission, details?.requestingUrl, indexUrl));
  };
}

/** session.setPermissionCheckHandler: the same answer when the page asks whether it has a permission. */
export function permissionCheckHandler(indexUrl: string) {
  return (_contents: unknown, permission: string, origin?: string, details?: { requestingUrl?: string }): boolean =>
    permissionAllowed(permission, details?.requestingUrl ?? origin, indexUrl);
}

/**
 * session 'will-download': the renderer saves files (exports, charts, message
 * dumps) as downloads of data it made itself, blob: or data: URLs. Nothing is
 * ever downloaded from the network.
 */
export function downloadAllowed(url: string): boolean {
  return url.startsWith('blob:') || url.startsWith('data:');
}

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface SenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/**
 * An IPC call is served only when it comes from our window's main frame
 * showing our index.html: not from an iframe, another window, or a page the
 * window was somehow navigated to.
 */
export function trustedSender(webContentsId: number, indexUrl: string) {
  return (event: SenderEvent): boolean => {
    const frame = event.senderFrame;
    return event.sender.id === webContentsId && frame !== null && frame.parent === null && isOurDocument(frame.url, indexUrl);
  };
}
