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

/** setWindowOpenHandler: no popups, no new windows, whatever the page asks. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** will-navigate / will-redirect: leaving index.html would run foreign content with our preload. */
export function blockNavigation(indexUrl: string) {
  return (event: { preventDefault(): void }, url: string): void => {
    if (!isOurDocument(url, indexUrl)) event.preventDefault();
  };
}

/** will-attach-webview: a <webview> would be a second, unguarded renderer. */
export function blockWebview(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** Camera, notifications, geolocation…: the console needs none of them. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
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
