import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from './backend/logger.js';
import { buildDesktop, desktopBuildReason } from './main/desktop-build.js';
import { findElectronBinary } from './main/electron-binary.js';
import { defaultDataDir, prepareDataDir } from './web/data-dir.js';
import { buildRenderer, rendererBuildReason } from './web/renderer-build.js';
import { runWebConsole } from './web/run-web.js';

/** `warren start | web | broker`: run from the repository with tsx (npm start, npm run web, npm run broker). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const print = (line: string) => process.stdout.write(line + '\n');

const USAGE = `Usage: warren <command> [options]

Commands:
  start    Open the desktop window; without an Electron binary, the web console
  web      Serve the console to a browser on this machine
  broker   Run the embedded AMQP broker in the foreground; its options are
           --amqp-port N, --http-port N, --bind ADDR, --data-dir DIR,
           --memory-high-watermark 0.4|512MiB, --disk-free-limit 50MB,
           --max-message-size BYTES

Options for start and web:
  --port N          Port for the web console (default: any free port)
  --host ADDR       Interface to listen on (default: 127.0.0.1)
  --data-dir DIR    Where profiles are kept (default: ${defaultDataDir()})
  --no-open         Do not open a browser
  --no-embedded     Do not start the embedded broker (its Broker page can still
                    start it; turning it off for good is a setting on that page)
`;

const WEB_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  'data-dir': { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  'no-embedded': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function fail(message: string): never {
  process.stderr.write(`warren: ${message}\n`);
  process.exit(2);
}

function parseWebArgs(args: string[]) {
  let values;
  try {
    ({ values } = parseArgs({ args, options: WEB_OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
  }
  if (values.help) {
    print(USAGE);
    process.exit(0);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not ${values.port}`);
  return { port, host: values.host, dataDir: values['data-dir'], open: !values['no-open'], embedded: !values['no-embedded'] };
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function ensureRenderer(): Promise<void> {
  const reason = await rendererBuildReason(root);
  if (!reason) return;
  print(`Building the renderer (${reason})...`);
  try {
    await buildRenderer(root);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) fail(`the renderer build failed: ${message}`);
    print(`The renderer build failed (${message}); serving the previous build.`);
  }
}

async function web(args: string[], why?: string): Promise<void> {
  const options = parseWebArgs(args);
  if (why) print(why);
  await ensureRenderer();
  try {
    await runWebConsole({
      port: options.port,
      host: options.host,
      dataDir: await prepareDataDir(options.dataDir ?? defaultDataDir()),
      staticDir: path.join(root, 'dist', 'renderer'),
      version: version(),
      open: options.open,
      embedded: options.embedded,
      log: createLogger('warren'),
      print,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${options.port} on ${options.host} is already in use; choose another with --port, or --port 0 for any free one`);
    if (code === 'EADDRNOTAVAIL') fail(`cannot listen on ${options.host}: no such address on this machine`);
    throw err;
  }
}

async function start(args: string[]): Promise<void> {
  const electron = findElectronBinary();
  if (!electron.available) {
    await web(args, `Electron is not available (${electron.reason}); starting the web console instead.`);
    return;
  }
  const options = parseWebArgs(args);
  await ensureRenderer();
  const reason = await desktopBuildReason(root);
  if (reason) {
    print(`Building the desktop app (${reason})...`);
    await buildDesktop(root);
  }
  const main = path.join(root, 'dist', 'electron', 'main', 'main.js');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(
    electron.path,
    [main, ...(options.dataDir ? ['--data-dir', path.resolve(options.dataDir)] : []), ...(options.embedded ? [] : ['--no-embedded'])],
    { cwd: root, stdio: 'inherit', env },
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** The broker is its own program (and process); this only forwards the arguments. */
function broker(args: string[]): void {
  const entry = path.join(root, 'electron', 'broker', 'cli-main.ts');
  if (!existsSync(entry)) fail(`the embedded broker entry point is missing (${path.relative(root, entry)})`);
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const [command, ...rest] = process.argv.slice(2);
const run: Record<string, (args: string[]) => Promise<void> | void> = { start, web, broker };
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  print(USAGE);
} else if (!run[command]) {
  fail(`unknown command "${command}"\n\n${USAGE}`);
} else {
  Promise.resolve(run[command](rest)).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
}
