import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { trustedSender } from '../../../../electron/main/guards.js';
import { forwardEvents, registerIpcHandlers } from '../../../../electron/main/ipc.js';
import { type WebHost, startWebHost } from '../../../../electron/web/host.js';
import { findBridge } from '../../../../renderer/api/bridge.js';
import { createIpcClient } from '../../../../renderer/api/ipc-client.js';
import { type SocketLike, createSocketClient } from '../../../../renderer/api/socket-client.js';
import type { WarrenClient } from '../../../../renderer/api/types.js';
import { type TestBackend, startTestBackend } from './backends.js';
import * as fake from './fake-electron.js';

export interface TransportUnderTest {
  client: WarrenClient;
  backend: TestBackend;
  close(): Promise<void>;
}

export const INDEX_URL = fake.sender.frame!.url;

/**
 * Electron: main's real IPC registration and the real preload, joined by the
 * fake electron module (the test file must `vi.mock('electron', ...)` with it).
 * The preload runs once per test file, like once per window.
 */
export async function startIpcTransport(): Promise<TransportUnderTest> {
  const backend = await startTestBackend('electron');
  if (!('warren' in fake.mainWorld)) await import('../../../../electron/preload/preload.js');
  const bridge = findBridge(fake.mainWorld);
  if (!bridge) throw new Error('the preload did not expose window.warren');
  const unregister = registerIpcHandlers(fake.ipcMain, backend.backend, trustedSender(fake.WEB_CONTENTS_ID, INDEX_URL), backend.log);
  const stopEvents = forwardEvents(backend.backend, fake.webContents);
  const client = createIpcClient(bridge);
  return {
    client,
    backend,
    close: async () => {
      client.close();
      stopEvents();
      unregister();
      await backend.close();
    },
  };
}

export async function startTestWebHost(backend: TestBackend): Promise<{ host: WebHost; staticDir: string }> {
  const staticDir = await mkdtemp(path.join(os.tmpdir(), 'warren-static-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Warren</title><link rel="icon" href="data:,"><script type="module" src="./app.js"></script>');
  await writeFile(path.join(staticDir, 'app.js'), 'console.log("warren");');
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'assets', 'style.css'), 'body { margin: 0 }');
  const host = await startWebHost({ backend: backend.backend, port: 0, staticDir, log: backend.log });
  return { host, staticDir };
}

/** Loads the printed URL like a browser would and returns the session cookie it sets. */
export function sessionCookieOf(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
      if (res.statusCode === 303 && cookie) resolve(cookie);
      else reject(new Error(`expected 303 with a cookie, got ${res.statusCode}`));
    })
      .on('error', reject)
      .end();
  });
}

export function browserSocket(url: string, cookie: string, origin: string): SocketLike {
  return new WebSocket(url, { headers: { cookie, origin } }) as unknown as SocketLike;
}

/** Web mode: the real host on a free port and the renderer's socket client over a real WebSocket. */
export async function startWebTransport(): Promise<TransportUnderTest> {
  const backend = await startTestBackend('web');
  const { host, staticDir } = await startTestWebHost(backend);
  const cookie = await sessionCookieOf(host.url);
  const origin = `http://127.0.0.1:${host.port}`;
  const client = createSocketClient({ url: `ws://127.0.0.1:${host.port}/ws`, connect: (url) => browserSocket(url, cookie, origin) });
  return {
    client,
    backend,
    close: async () => {
      client.close();
      await host.close();
      await backend.close();
      await rm(staticDir, { recursive: true, force: true });
    },
  };
}
