import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedSettings, EmbeddedSettingsChange, bindAddressProblem, isLoopbackAddress } from '../../../shared/model/embedded.js';
import { memoryLogger } from '../../../electron/backend/logger.js';
import { SETTINGS_FILE, createSettingsFile } from '../../../electron/backend/embedded/settings-file.js';
import { tempDataDir } from '../backend/backend-fixture.js';

describe('embedded broker settings', () => {
  it("default to on, RabbitMQ's ports, loopback and Node's memory limit", () => {
    expect(EmbeddedSettings.parse({})).toEqual({ enabled: true, amqpPort: 5672, httpPort: 15672, bind: '127.0.0.1', memoryBudgetMb: null });
  });

  it('refuse out-of-range ports, host names and tiny memory budgets, each with its own message', () => {
    const result = EmbeddedSettingsChange.safeParse({ amqpPort: 70000, httpPort: 1.5, bind: 'my-host', memoryBudgetMb: 10 });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      amqpPort: 'Ports run from 0 to 65535',
      httpPort: 'A port is a whole number',
      bind: 'Use an IP address such as 127.0.0.1, ::1 or 0.0.0.0',
      memoryBudgetMb: 'At least 64 MiB',
    });
  });

  it('take only known fields in a change', () => {
    expect(EmbeddedSettingsChange.safeParse({ enabled: false }).success).toBe(true);
    expect(EmbeddedSettingsChange.safeParse({ enabled: false, password: 'x' }).success).toBe(false);
  });

  it('accept IPv4 and IPv6 literals and tell loopback apart', () => {
    for (const ok of ['127.0.0.1', '0.0.0.0', '::1', '::', '192.168.1.20', 'fe80::1']) expect(bindAddressProblem(ok)).toBeNull();
    for (const bad of ['', 'localhost', '256.1.1.1', '1.2.3', 'a::b::c']) expect(bindAddressProblem(bad)).not.toBeNull();
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('0.0.0.0')).toBe(false);
    expect(isLoopbackAddress('192.168.1.20')).toBe(false);
  });
});

describe('settings file', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(() => cleanup());

  it('is the defaults when missing, and round-trips a change', async () => {
    const file = createSettingsFile(dir, memoryLogger());
    expect(await file.load()).toEqual(EmbeddedSettings.parse({}));
    const changed = EmbeddedSettings.parse({ enabled: false, amqpPort: 5673, memoryBudgetMb: 256 });
    await file.save(changed);
    expect(await createSettingsFile(dir, memoryLogger()).load()).toEqual(changed);
  });

  it('falls back to the defaults on a damaged file, and says so in the log', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, SETTINGS_FILE), '{"version":1,"settings":{"amqpPort":"x"}}');
    const log = memoryLogger();
    expect(await createSettingsFile(dir, log).load()).toEqual(EmbeddedSettings.parse({}));
    expect(log.lines.join('\n')).toMatch(/settings invalid; using the defaults/);
  });
});
