import { parseArgs } from 'node:util';

/** `--data-dir DIR` from Electron's argv (Chromium's own switches are left alone). */
export function dataDirFromArgv(argv: readonly string[]): string | null {
  const { values } = parseArgs({ args: argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
  const dir = values['data-dir'];
  return typeof dir === 'string' && dir !== '' ? dir : null;
}

/** False when started with `--no-embedded`: the embedded broker is not started with the app. */
export function embeddedFromArgv(argv: readonly string[]): boolean {
  const { values } = parseArgs({ args: argv.slice(1), options: { 'no-embedded': { type: 'boolean' } }, strict: false, allowPositionals: true });
  return values['no-embedded'] !== true;
}
