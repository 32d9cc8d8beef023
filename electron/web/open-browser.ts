import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * The command that opens a URL in the user's browser, or null where there is
 * none to use: CI, or a Linux box without a display or xdg-open.
 */
export function browserOpener(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): { command: string; args: string[] } | null {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return null;
  if (platform === 'darwin') return { command: 'open', args: [] };
  // `start` is a cmd builtin; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  const xdgOpen = findOnPath('xdg-open', env.PATH ?? '');
  return xdgOpen ? { command: xdgOpen, args: [] } : null;
}

function findOnPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** Fire and forget: a browser that fails to start must not take the console down. */
export function openBrowser(url: string): boolean {
  const opener = browserOpener();
  if (!opener) return false;
  // Verbatim so that cmd sees start's empty title as "" (Node would escape the quotes); ignored elsewhere.
  // The URL is ours (loopback, base64url token): nothing in it that cmd would interpret.
  const child = spawn(opener.command, [...opener.args, url], { detached: true, stdio: 'ignore', windowsHide: true, windowsVerbatimArguments: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
