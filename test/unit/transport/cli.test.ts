import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../support/requirements.js';
import { fetchRaw } from './support/http.js';

const root = path.resolve(import.meta.dirname, '../../..');

interface Running {
  child: ChildProcess;
  lines: string[];
  url: URL;
}

/**
 * Runs the CLI as `npx tsx electron/cli.ts` does, minus npm's wrapper process,
 * so that the signals the tests send reach the CLI itself.
 */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the CLI and waits for the line with the URL. */
function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawnCli(args, env);
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const match = /(http:\/\/\S+)/.exec(line);
        if (match) resolve({ child, lines, url: new URL(match[1]!) });
      }
    });
    child.on('exit', (code) => reject(new Error(`the CLI exited (${code}) before printing a URL:\n${lines.join('\n')}\n${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('warren web', () => {
  let dataDir: string;
  let web: Running;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'warren-cli-')), 'data');
    web = await startCli(['web', '--port', '0', '--no-open', '--data-dir', dataDir]);
  }, 60_000);
  afterAll(async () => {
    if (web) await stop(web.child);
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('prints a loopback URL with its token', () => {
    expect(web.url.hostname).toBe('127.0.0.1');
    expect(web.url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the page with the token and refuses it without', async () => {
    const port = Number(web.url.port);
    expect((await fetchRaw(port, '/')).status).toBe(401);
    const login = await fetchRaw(port, web.url.pathname + web.url.search);
    expect(login.status).toBe(303);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const page = await fetchRaw(port, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it.skipIf(!chromiumPath())('gives a page that renders in Chromium with no console errors (CSP included)', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
      await page.goto(web.url.href, { waitUntil: 'networkidle' });
      await expect.poll(() => page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0)).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('keeps its data in --data-dir, readable by its owner only', async () => {
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await stop(web.child)).toBe(0);
  });
});

describe('warren start without an Electron binary', () => {
  it('says why in one line and falls back to the web console', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-cli-'));
    const started = await startCli(['start', '--port', '0', '--no-open', '--data-dir', dataDir], {
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dataDir, 'no-electron-here'),
    });
    try {
      const reasons = started.lines.filter((line) => line.startsWith('Electron is not available'));
      expect(reasons).toEqual(['Electron is not available (binary not downloaded); starting the web console instead.']);
      expect(started.lines.at(-1)).toBe(`Warren web console: ${started.url.href}`);
    } finally {
      await stop(started.child);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('warren broker', () => {
  it('runs the embedded broker with the arguments given, and stops it on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-cli-broker-'));
    const child = spawnCli(['broker', '--amqp-port', '0', '--http-port', '0', '--data-dir', dataDir]);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l.startsWith('Warren broker ready on '));
          if (line) resolve(line);
        });
        child.once('exit', (code) => reject(new Error(`the broker exited (${code}) before it was ready:\n${out}`)));
      });
      expect(ready).toMatch(/^Warren broker ready on amqp:\/\/127\.0\.0\.1:\d+/);
      const code = await stop(child);
      // The broker's log says why, should it ever exit otherwise.
      expect({ code, stderr: code === 0 ? '' : stderr.slice(-3000) }).toEqual({ code: 0, stderr: '' });
    } finally {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('warren with bad arguments', () => {
  it('exits with status 2 and says what is wrong', async () => {
    const child = spawnCli(['web', '--port', 'eighty']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a number from 0 to 65535, not eighty');
  }, 30_000);

  it('says so when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'warren-cli-'));
    try {
      const child = spawnCli(['web', '--port', String(port), '--no-open', '--data-dir', dataDir]);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await new Promise<number | null>((resolve) => child.once('exit', resolve))).toBe(2);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use; choose another with --port`);
    } finally {
      taken.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
