import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ApiError } from '../../../shared/api/errors.js';
import {
  type EmbeddedLogLine,
  type EmbeddedSettings,
  type EmbeddedSettingsChange,
  type EmbeddedState,
  type EmbeddedStatus,
  EmbeddedSettings as EmbeddedSettingsSchema,
  type ExampleTopologyResult,
} from '../../../shared/model/embedded.js';
import { type BackoffPolicy, backoffDelay } from '../backoff.js';
import type { EventHub } from '../events.js';
import type { Logger } from '../logger.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { SessionController } from '../session/session-controller.js';
import { loadExampleTopology } from './examples.js';
import { type BrokerChild, type LaunchBroker, brokerProgram, forkLauncher } from './launcher.js';
import { isLeftoverBroker, pidFile, processAlive } from './leftover.js';
import { createLogTail, readBrokerLine } from './log-tail.js';
import { freePort, planPorts, portNote, takenPorts, type WantedPorts } from './ports.js';
import { residentBytes } from './process-memory.js';
import { type ReadyLine, parsePortInUse, parseReadyLine } from './ready-line.js';
import { createSettingsFile } from './settings-file.js';

/** The built-in profile's id and name. */
export const EMBEDDED_PROFILE_ID = 'embedded-broker';
export const EMBEDDED_PROFILE_NAME = 'Embedded broker';
/** The embedded broker's stock account, as RabbitMQ's: usable from loopback only. */
const EMBEDDED_USER = { username: 'guest', password: 'guest' };

/** 0.5 s, 1 s, 2 s … capped at 30 s, without jitter: there is one broker, not a crowd. */
export const RESTART_BACKOFF: BackoffPolicy = { initialMs: 500, factor: 2, maxMs: 30_000, jitter: 0 };

export interface SupervisorOptions {
  /** Warren's data folder; the broker's is `${dataDir}/broker`. */
  dataDir: string;
  log: Logger;
  hub: EventHub;
  store: ProfileStore;
  session: SessionController;
  /**
   * Connect to the built-in profile at the broker's first start when no profile is selected (default true).
   * False when the backend is going back to the user's last profile: that choice wins, however the start races.
   */
  selectOnFirstStart?: boolean;
  /** How to start the broker process (Electron main passes a utilityProcess one). */
  launch?: LaunchBroker;
  /** The broker program; tests and the built app resolve it themselves. */
  program?: { entry: string; execArgv: string[]; cwd: string | undefined };
  backoff?: BackoffPolicy;
  /** SIGTERM, then SIGKILL after this long (default 5 s). */
  stopTimeoutMs?: number;
  /** A start with no ready line within this long is a failed start (default 30 s). */
  readyTimeoutMs?: number;
  /** Up this long, a broker that exits counts as a first crash again (default 60 s). */
  stableAfterMs?: number;
  /** Consecutive crashes before the supervisor gives up (default 8). */
  maxRestarts?: number;
  /** How often memory is sampled while running (default 5 s). */
  memoryIntervalMs?: number;
}

export interface Supervisor {
  state(): Promise<EmbeddedState>;
  /** Starts the broker when the settings say so; used once at startup. */
  autoStart(): Promise<EmbeddedState>;
  /** Says why the broker was not started with Warren (a command-line flag), until it is started. */
  notStarted(why: string): void;
  start(): Promise<EmbeddedState>;
  stop(): Promise<EmbeddedState>;
  restart(): Promise<EmbeddedState>;
  configure(change: EmbeddedSettingsChange): Promise<EmbeddedState>;
  resetData(dataDir: string): Promise<EmbeddedState>;
  logs(afterSeq?: number, limit?: number): EmbeddedLogLine[];
  loadExamples(): Promise<ExampleTopologyResult>;
  /** Stops the broker (SIGTERM, then SIGKILL) and every timer: Warren is exiting. */
  close(): Promise<void>;
}

interface Running {
  child: BrokerChild;
  pid: number | null;
  ready: ReadyLine | null;
  /** Resolves with the exit (code, signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** True once a stop was asked for: its exit is not a crash. */
  stopping: boolean;
}

/** Stop and start requests, and restarts after a crash, one at a time. */
function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}

function describeExit(code: number | null, signal: string | null): string {
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${code ?? 'unknown'}`;
}

/**
 * Runs the embedded broker in a process of its own: picks its ports (the
 * wanted ones, or free ones when another program has them), waits for its
 * ready line, keeps the built-in profile pointing at it, restarts it with
 * backoff when it dies, and stops it cleanly when Warren exits.
 */
export function createEmbeddedSupervisor(options: SupervisorOptions): Supervisor {
  const { log, hub } = options;
  const brokerDir = path.join(options.dataDir, 'broker');
  const settingsFile = createSettingsFile(options.dataDir, log);
  const launch = options.launch ?? forkLauncher;
  const backoff = options.backoff ?? RESTART_BACKOFF;
  const stopTimeoutMs = options.stopTimeoutMs ?? 5000;
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const maxRestarts = options.maxRestarts ?? 8;
  const tail = createLogTail();
  const exclusive = serial();
  const pids = pidFile(options.dataDir);
  let leftoverChecked = false;

  let settings: EmbeddedSettings | null = null;
  let status: EmbeddedStatus = 'stopped';
  let reason: string | null = null;
  let running: Running | null = null;
  let startedAt: number | null = null;
  let ports: { amqp: number | null; http: number | null } = { amqp: null, http: null };
  let note: string | null = null;
  let restarts = 0;
  let crashesInARow = 0;
  let restartAt: number | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let memoryTimer: NodeJS.Timeout | null = null;
  let rssBytes: number | null = null;
  let profileId: string | null = null;
  let selectedOnce = false;
  let closed = false;

  async function currentSettings(): Promise<EmbeddedSettings> {
    settings ??= await settingsFile.load();
    return settings;
  }

  function snapshot(): EmbeddedState {
    return {
      status,
      reason,
      pid: running?.pid ?? null,
      amqpUrl: status === 'running' ? (running?.ready?.amqpUrl ?? null) : null,
      httpUrl: status === 'running' ? (running?.ready?.httpUrl ?? null) : null,
      amqpPort: ports.amqp,
      httpPort: ports.http,
      portNote: note,
      startedAt: status === 'running' ? startedAt : null,
      rssBytes: status === 'running' ? rssBytes : null,
      dataDir: brokerDir,
      restarts,
      restartAt,
      profileId,
      settings: settings ?? EmbeddedSettingsSchema.parse({}),
    };
  }

  let lastEmitted = '';
  function publish(): EmbeddedState {
    const state = snapshot();
    const text = JSON.stringify(state);
    if (text !== lastEmitted) {
      lastEmitted = text;
      hub.emit('embedded.state', state);
    }
    return state;
  }

  function setStatus(next: EmbeddedStatus, why: string | null): void {
    status = next;
    reason = why;
    publish();
  }

  function say(level: EmbeddedLogLine['level'], text: string, fields?: Record<string, unknown>): void {
    hub.emit('embedded.log', tail.push('supervisor', level, text));
    log[level](text, fields);
  }

  function brokerLine(raw: string): void {
    if (raw.trim() === '') return;
    const { level, text } = readBrokerLine(raw);
    hub.emit('embedded.log', tail.push('broker', level, text));
  }

  function stopMemorySampling(): void {
    if (memoryTimer) clearInterval(memoryTimer);
    memoryTimer = null;
    rssBytes = null;
  }

  async function sampleMemory(): Promise<void> {
    const pid = running?.pid;
    if (pid === null || pid === undefined) return;
    const rss = await residentBytes(pid);
    // Rounded to 64 KiB so a steady broker does not emit a state every few seconds for noise.
    const rounded = rss === null ? null : Math.round(rss / 65_536) * 65_536;
    if (rounded !== rssBytes && status === 'running') {
      rssBytes = rounded;
      publish();
    }
  }

  /** Launches once on concrete ports; resolves with the ready line, or the exit and what it said. */
  async function launchOnce(
    config: EmbeddedSettings,
    concrete: { amqp: number; http: number },
  ): Promise<{ ok: true; run: Running } | { ok: false; exit: string; said: string }> {
    const program = options.program ?? brokerProgram();
    const execArgv = [...program.execArgv, ...(config.memoryBudgetMb !== null ? [`--max-old-space-size=${config.memoryBudgetMb}`] : [])];
    const args = ['--amqp-port', String(concrete.amqp), '--http-port', String(concrete.http), '--bind', config.bind, '--data-dir', brokerDir];
    const child = launch({ entry: program.entry, args, execArgv, cwd: program.cwd, env: process.env });
    let said = '';
    const remember = (line: string) => {
      said = `${said}\n${line}`.slice(-4000);
    };
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      child.onExit((code, signal) => resolve({ code, signal }));
      child.onError((err) => {
        remember(err.message);
        resolve({ code: null, signal: null });
      });
    });
    const run: Running = { child, pid: child.pid ?? null, ready: null, exited, stopping: false };
    const ready = new Promise<ReadyLine>((resolve) => {
      if (child.stdout) {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const parsed = parseReadyLine(line);
          if (parsed && !run.ready) {
            run.ready = parsed;
            resolve(parsed);
          }
          brokerLine(line);
          remember(line);
        });
      }
      if (child.stderr) {
        createInterface({ input: child.stderr }).on('line', (line) => {
          brokerLine(line);
          remember(line);
        });
      }
    });
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      ready.then(() => 'ready' as const),
      exited.then(() => 'exited' as const),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), readyTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === 'ready') return { ok: true, run };
    if (outcome === 'timeout') {
      await terminate(run);
      return { ok: false, exit: `did not say it was ready within ${Math.round(readyTimeoutMs / 1000)} s`, said };
    }
    // Output still in the pipes when the exit came.
    await new Promise((resolve) => setImmediate(resolve));
    const { code, signal } = await exited;
    return { ok: false, exit: describeExit(code, signal), said };
  }

  /** SIGTERM, then SIGKILL after the timeout; resolves once the process is gone. */
  async function terminate(run: Running): Promise<void> {
    run.stopping = true;
    run.child.terminate();
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([
      run.exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), stopTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!gone) {
      say('warn', `Broker did not stop within ${stopTimeoutMs / 1000} s; killing it (SIGKILL)`, { pid: run.pid });
      run.child.kill();
      await run.exited;
    }
  }

  /**
   * A broker an earlier Warren could not stop (it was killed) still holds the
   * data folder and maybe the ports: stopped before a new one starts.
   */
  async function stopLeftover(): Promise<void> {
    if (leftoverChecked) return;
    leftoverChecked = true;
    const record = await pids.read();
    if (!record) return;
    if (await isLeftoverBroker(record)) {
      say('warn', `Stopping a broker an earlier Warren left running (pid ${record.pid})`);
      process.kill(record.pid, 'SIGTERM');
      const deadline = Date.now() + stopTimeoutMs;
      while ((await processAlive(record.pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (await processAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
    }
    await pids.clear();
  }

  /** Starts the broker; a taken port is retried on a free one. Resolves once it runs or has failed. */
  async function bringUp(prefer: WantedPorts | null): Promise<void> {
    const config = await currentSettings();
    const wanted: WantedPorts = { amqp: config.amqpPort, http: config.httpPort };
    setStatus('starting', null);
    await stopLeftover();
    const learned = new Set<number>();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const taken = new Set([...(await takenPorts(config.bind, prefer ?? wanted)), ...learned]);
      const plan = planPorts(prefer ?? wanted, taken);
      let concrete: { amqp: number; http: number };
      try {
        concrete = {
          amqp: plan.amqp === 0 ? await freePort(config.bind) : plan.amqp,
          http: plan.http === 0 ? await freePort(config.bind) : plan.http,
        };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        say('error', `Cannot listen on ${config.bind}: ${message}`);
        setStatus('failed', `Cannot listen on ${config.bind}: ${message}`);
        return;
      }
      say('info', `Starting the broker on ${config.bind}, AMQP port ${concrete.amqp}, HTTP port ${concrete.http}`);
      const outcome = await launchOnce(config, concrete);
      if (outcome.ok) {
        await becameReady(outcome.run, config, wanted, concrete);
        return;
      }
      const inUse = parsePortInUse(outcome.said);
      if (inUse && attempt < 3) {
        // Someone took the port between the check and the broker's listen: retry on a free one.
        const port = inUse.port ?? (inUse.listener === 'http' ? concrete.http : concrete.amqp);
        learned.add(port);
        if (prefer) prefer = { amqp: prefer.amqp === port ? 0 : prefer.amqp, http: prefer.http === port ? 0 : prefer.http };
        say('warn', `Port ${port} was taken as the broker started; trying a free port`);
        continue;
      }
      const last = outcome.said.trim().split('\n').filter((l) => !l.startsWith('{')).pop();
      const why = `The broker ${outcome.exit} before it was ready${last ? `: ${last}` : ''}`;
      say('error', why);
      setStatus('failed', why);
      return;
    }
  }

  async function becameReady(run: Running, config: EmbeddedSettings, wanted: WantedPorts, concrete: { amqp: number; http: number }): Promise<void> {
    const ready = run.ready as ReadyLine;
    running = run;
    startedAt = Date.now();
    ports = { amqp: ready.amqpPort, http: ready.httpPort ?? concrete.http };
    note = portNote(wanted, { amqp: ready.amqpPort, http: ports.http });
    restartAt = null;
    run.exited.then(({ code, signal }) => void exitedOnItsOwn(run, code, signal));
    if (run.pid !== null) {
      await pids.write({ pid: run.pid, brokerDir }).catch((err: unknown) => log.warn('cannot write the broker pid file', { error: err instanceof Error ? err.message : String(err) }));
    }
    say('info', `Broker running (pid ${run.pid ?? '?'}): ${ready.amqpUrl}${ready.httpUrl ? `, management ${ready.httpUrl}` : ', no management HTTP API'}`);
    if (note) say('warn', note);
    setStatus('running', null);
    memoryTimer = setInterval(() => void sampleMemory(), options.memoryIntervalMs ?? 5000);
    memoryTimer.unref();
    void sampleMemory();
    await updateProfile(ready, config);
  }

  /** Points the built-in profile at the running broker, and connects to it when nothing else is selected. */
  async function updateProfile(ready: ReadyLine, config: EmbeddedSettings): Promise<void> {
    const host = new URL(ready.amqpUrl).host;
    // Without a reported HTTP URL, the port Warren reserved for it: nothing else listens there.
    const managementUrl = ready.httpUrl ?? `http://${host.replace(/:\d+$/, '')}:${ports.http}`;
    let profile;
    try {
      profile = await options.store.saveBuiltIn({
        id: EMBEDDED_PROFILE_ID,
        name: EMBEDDED_PROFILE_NAME,
        amqpUri: `amqp://${host}/`,
        managementUrl,
        ...EMBEDDED_USER,
      });
    } catch (err) {
      say('error', `Cannot save the Embedded broker profile: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    profileId = profile.id;
    publish();
    const session = options.session.state();
    const firstStart = !selectedOnce;
    selectedOnce = true;
    const connectTo = (why: string) =>
      options.session.connect(profile.id).catch((err: unknown) => log.warn(why, { error: err instanceof Error ? err.message : String(err) }));
    if (session.profileId === null && firstStart && options.selectOnFirstStart !== false) {
      log.info('selecting the embedded broker profile', { bind: config.bind });
      void connectTo('connecting to the embedded broker failed');
    } else if (session.profileId === profile.id) {
      // Same profile, maybe new ports: the session follows the broker.
      void connectTo('reconnecting to the embedded broker failed');
    }
  }

  function clearRestart(): void {
    if (restartTimer) clearTimeout(restartTimer);
    restartTimer = null;
    restartAt = null;
  }

  async function exitedOnItsOwn(run: Running, code: number | null, signal: string | null): Promise<void> {
    if (running !== run) return;
    running = null;
    stopMemorySampling();
    await pids.clear();
    if (run.stopping || closed) return;
    const upFor = startedAt === null ? 0 : Date.now() - startedAt;
    crashesInARow = upFor >= stableAfterMs ? 1 : crashesInARow + 1;
    const how = describeExit(code, signal);
    if (crashesInARow > maxRestarts) {
      const why = `The broker ${how}, ${crashesInARow} times in a row; not restarting it. Start it again when the cause is fixed.`;
      say('error', why, { pid: run.pid });
      setStatus('failed', why);
      return;
    }
    restarts++;
    const delay = backoffDelay(crashesInARow, backoff);
    restartAt = Date.now() + delay;
    const why = `The broker ${how}; restarting it in ${delay < 1000 ? `${delay} ms` : `${Math.round(delay / 1000)} s`} (restart ${restarts})`;
    say('warn', why, { pid: run.pid, code, signal });
    setStatus('restarting', why);
    const previous = { amqp: ports.amqp ?? 0, http: ports.http ?? 0 };
    restartTimer = setTimeout(() => {
      restartTimer = null;
      // The same ports as before where they are still free, so clients find it where it was.
      void exclusive(async () => {
        if (status !== 'restarting' || closed) return;
        restartAt = null;
        await bringUp(previous);
      });
    }, delay);
    restartTimer.unref();
  }

  async function bringDown(why: string): Promise<void> {
    clearRestart();
    const run = running;
    if (!run) {
      if (status !== 'stopped' || reason !== why) setStatus('stopped', why);
      return;
    }
    setStatus('stopping', null);
    say('info', `Stopping the broker (pid ${run.pid ?? '?'})`);
    await terminate(run);
    running = null;
    stopMemorySampling();
    await pids.clear();
    say('info', 'Broker stopped');
    setStatus('stopped', why);
  }

  async function start(): Promise<EmbeddedState> {
    if (running) return publish();
    clearRestart();
    crashesInARow = 0;
    await bringUp(null);
    return publish();
  }

  return {
    async state() {
      await currentSettings();
      if (status === 'running') await sampleMemory();
      return snapshot();
    },

    autoStart: () =>
      exclusive(async () => {
        const config = await currentSettings();
        if (!config.enabled) {
          setStatus('stopped', 'The embedded broker is turned off in its settings.');
          return snapshot();
        }
        return start();
      }),

    notStarted(why) {
      if (status === 'stopped' && reason === null) {
        reason = why;
        publish();
      }
    },

    start: () => exclusive(start),

    stop: () =>
      exclusive(async () => {
        await bringDown('Stopped from the Broker page.');
        return publish();
      }),

    restart: () =>
      exclusive(async () => {
        await bringDown('Restarting.');
        return start();
      }),

    configure: (change) =>
      exclusive(async () => {
        const before = await currentSettings();
        const parsed = EmbeddedSettingsSchema.safeParse({ ...before, ...change });
        if (!parsed.success) {
          throw new ApiError(
            'invalid_args',
            'Invalid embedded broker settings',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        }
        const next = parsed.data;
        await settingsFile.save(next);
        settings = next;
        say('info', 'Settings saved', { enabled: next.enabled, amqpPort: next.amqpPort, httpPort: next.httpPort, bind: next.bind, memoryBudgetMb: next.memoryBudgetMb });
        const relaunch =
          before.amqpPort !== next.amqpPort || before.httpPort !== next.httpPort || before.bind !== next.bind || before.memoryBudgetMb !== next.memoryBudgetMb;
        if (!next.enabled && before.enabled) {
          await bringDown('The embedded broker is turned off in its settings.');
        } else if (next.enabled && !before.enabled && !running) {
          await start();
        } else if (relaunch && (running || status === 'restarting')) {
          await bringDown('Restarting with the new settings.');
          await start();
        }
        return publish();
      }),

    resetData: (dataDir) =>
      exclusive(async () => {
        if (path.resolve(dataDir) !== brokerDir) {
          throw new ApiError('invalid_args', `Reset refused: the data folder is ${brokerDir}, not ${dataDir}`, [{ path: 'dataDir', message: 'Not the embedded broker data folder' }]);
        }
        const wasUp = running !== null || status === 'restarting' || status === 'starting';
        await bringDown('Resetting its data.');
        await rm(brokerDir, { recursive: true, force: true });
        say('warn', `Deleted the broker's data folder ${brokerDir}`);
        if (wasUp || (await currentSettings()).enabled) return start();
        return publish();
      }),

    logs: (afterSeq, limit) => tail.read(afterSeq, limit),

    async loadExamples() {
      const url = status === 'running' ? running?.ready?.amqpUrl : null;
      if (!url) throw new ApiError('not_connected', 'The embedded broker is not running: start it first');
      const result = await loadExampleTopology({ amqpUrl: url, ...EMBEDDED_USER });
      say('info', `Example topology loaded: ${result.queues.length} queues, ${result.exchanges.length} exchanges, ${result.bindings} bindings, ${result.published} messages published`, {
        skipped: result.skipped,
      });
      return result;
    },

    close: () =>
      exclusive(async () => {
        closed = true;
        await bringDown('Warren is exiting.');
      }),
  };
}
