import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export const PYTHON = '/usr/bin/python3';
const AMQP_TOOLS = ['/usr/bin/amqp-publish', '/usr/bin/amqp-get', '/usr/bin/amqp-consume', '/usr/bin/amqp-declare-queue'];

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Clients not written in Node, from Debian (python3-pika, amqp-tools).
 * Missing locally: those scenarios are skipped with a note; under CI=true
 * a missing client is a failure, never a skip.
 */
function required(what: string, present: boolean, install: string): boolean {
  if (present) return true;
  if (inCi) throw new Error(`${what} is required under CI=true but is not installed: ${install}`);
  process.stderr.write(`skipping scenarios that need ${what}: ${install}\n`);
  return false;
}

export async function pikaAvailable(): Promise<boolean> {
  const present = existsSync(PYTHON) && (await run(PYTHON, ['-c', 'import pika']).then(() => true, () => false));
  return required('python3-pika', present, 'apt-get install python3-pika');
}

export function amqpToolsAvailable(): boolean {
  return required('amqp-tools', AMQP_TOOLS.every((p) => existsSync(p)), 'apt-get install amqp-tools');
}
