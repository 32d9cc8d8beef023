import { z } from 'zod';
import { findBridge } from './bridge.js';
import { createIpcClient } from './ipc-client.js';
import { createSocketClient } from './socket-client.js';
import type { WarrenClient } from './types.js';

// zod compiles fast paths with `new Function` when it can; the page's CSP has
// no 'unsafe-eval', and the refused probe would log a CSP error in the console.
z.config({ jitless: true });

/**
 * The console API for the renderer, on whichever transport this page has:
 * the preload bridge in Electron, otherwise a WebSocket back to the host
 * that served the page.
 */
export function createClient(): WarrenClient {
  const bridge = findBridge(globalThis);
  if (bridge) return createIpcClient(bridge);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createSocketClient({ url: `${scheme}//${location.host}/ws` });
}
