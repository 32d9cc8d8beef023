import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { asarUnpackedPath, utilityProcessLauncher } from '../../../electron/main/broker-launcher.js';

vi.mock('electron', () => ({}));

describe('the embedded broker in a packaged app', () => {
  it('runs from app.asar.unpacked, where electron-builder puts it', () => {
    expect(asarUnpackedPath('/opt/Warren/resources/app.asar/dist/electron/broker/cli-main.js', '/')).toBe('/opt/Warren/resources/app.asar.unpacked/dist/electron/broker/cli-main.js');
    expect(asarUnpackedPath('C:\\Program Files\\Warren\\resources\\app.asar\\dist\\electron\\broker\\cli-main.js', '\\')).toBe('C:\\Program Files\\Warren\\resources\\app.asar.unpacked\\dist\\electron\\broker\\cli-main.js');
  });

  it('leaves a path outside an archive alone (running from the sources or dist/)', () => {
    expect(asarUnpackedPath('/home/me/warren/dist/electron/broker/cli-main.js', '/')).toBe('/home/me/warren/dist/electron/broker/cli-main.js');
    expect(asarUnpackedPath('/home/me/app.asar.d/cli-main.js', '/')).toBe('/home/me/app.asar.d/cli-main.js');
  });

  it('the utilityProcess launcher forks the unpacked path', () => {
    const fork = vi.fn((_modulePath: string) => ({ pid: 1, stdout: null, stderr: null, kill: () => true, once: () => undefined, on: () => undefined }) as never);
    const entry = ['', 'Applications', 'Warren.app', 'Contents', 'Resources', 'app.asar', 'dist', 'electron', 'broker', 'cli-main.js'].join(path.sep);
    utilityProcessLauncher(fork)({ entry, args: [], execArgv: [], cwd: undefined, env: {} });
    expect(fork.mock.calls[0]![0]).toContain(`app.asar.unpacked`);
  });
});
