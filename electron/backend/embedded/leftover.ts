import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../profiles/atomic-file.js';

/**
 * `${dataDir}/embedded-broker.pid`: the running broker's pid, removed when it
 * stops. A file still there at the next start means Warren was killed
 * without a chance to stop its broker (SIGKILL, power cut); that broker may
 * still hold the data folder and the ports.
 */
export const PID_FILE = 'embedded-broker.pid';

const PidRecord = z.object({ pid: z.number().int().positive(), brokerDir: z.string() });
export type PidRecord = z.infer<typeof PidRecord>;

export function pidFile(dataDir: string) {
  const file = path.join(dataDir, PID_FILE);
  return {
    file,
    write: (record: PidRecord) => writeFileAtomic(file, JSON.stringify(record) + '\n'),
    clear: () => rm(file, { force: true }),
    async read(): Promise<PidRecord | null> {
      try {
        const parsed = PidRecord.safeParse(JSON.parse(await readFile(file, 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Whether a process still runs. A zombie (exited, not yet reaped: an orphan
 * whose new parent does not reap, as in some containers) counts as gone.
 */
export async function processAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    // /proc/<pid>/stat: "pid (comm) S ...", where S is the state; comm may hold spaces and parentheses.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The command line of a process, or null when it is gone or cannot be read. */
export async function commandLine(pid: number): Promise<string | null> {
  if (process.platform === 'linux') {
    try {
      return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
    } catch {
      return null;
    }
  }
  if (process.platform === 'win32') return null;
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'command=', '-p', String(pid)], { timeout: 2000 }, (err, stdout) => resolve(err ? null : stdout.trim() || null));
  });
}

/**
 * Whether the process recorded in the pid file is still our broker: alive,
 * and started with this data folder (a recycled pid belongs to someone else).
 */
export async function isLeftoverBroker(record: PidRecord): Promise<boolean> {
  if (record.pid === process.pid || !(await processAlive(record.pid))) return false;
  const command = await commandLine(record.pid);
  return command !== null && command.includes('--data-dir') && command.includes(record.brokerDir);
}
