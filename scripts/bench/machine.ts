// What the figures were measured on, printed with them so they can be quoted.
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function cpuModel(cpuinfo: string): string {
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
}

export function machineLine(): string {
  let model = 'unknown';
  try {
    model = cpuModel(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    // Not Linux: the model stays unknown rather than guessed.
  }
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${model} · ${os.cpus().length} cores · ${gib} GiB RAM · ${os.type()} ${os.release()} · Node ${process.version} · load average at start ${loadAverage()}`;
}

/** 1, 5 and 15 minute load averages: other work on the machine moves every figure, so it is printed with them. */
export function loadAverage(): string {
  return os.loadavg().map((n) => n.toFixed(2)).join(' ');
}

export interface RabbitInfo {
  version: string;
  /** The beam.smp process of the node serving the AMQP URL, from /api/nodes. */
  pid: number | null;
}

/** A RabbitMQ on another machine reports a pid that means nothing here (or names an unrelated process). */
function isLocalBeam(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'beam.smp';
  } catch {
    return false;
  }
}

/** Asks the management API for the version and the node's OS pid; null fields when it cannot say. */
export async function rabbitInfo(managementUrl: string, amqpUrl: string): Promise<RabbitInfo> {
  const u = new URL(amqpUrl);
  const auth = Buffer.from(`${decodeURIComponent(u.username || 'guest')}:${decodeURIComponent(u.password || 'guest')}`).toString('base64');
  const get = async (path: string): Promise<unknown> => {
    const res = await fetch(new URL(path, managementUrl), { headers: { authorization: `Basic ${auth}` }, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  };
  try {
    const overview = (await get('/api/overview?columns=rabbitmq_version,erlang_version,node')) as Record<string, unknown>;
    const nodes = (await get('/api/nodes?columns=name,os_pid')) as Record<string, unknown>[];
    const pid = Number(nodes.find((n) => n.name === overview.node)?.os_pid);
    return {
      version: `RabbitMQ ${String(overview.rabbitmq_version)} (Erlang ${String(overview.erlang_version)})`,
      pid: Number.isInteger(pid) && isLocalBeam(pid) ? pid : null,
    };
  } catch (err) {
    return { version: `RabbitMQ version unknown (management API at ${managementUrl}: ${(err as Error).message})`, pid: null };
  }
}
