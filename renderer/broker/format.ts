import { formatDuration } from '../format/time.js';
import { MISSING } from '../format/numbers.js';
import type { EmbeddedStatus } from '../../shared/model/embedded.js';

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 85_393_408 → "81.4 MB"; null → "—". Binary units, as `top` and RabbitMQ's memory figures. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return MISSING;
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 || value >= 100 ? integer.format(value) : oneDecimal.format(value)} ${units[unit]}`;
}

/** How long the broker has been up, or "—" when it is not running. */
export function formatUptime(startedAt: number | null, now: number): string {
  return startedAt === null ? MISSING : formatDuration(now - startedAt);
}

export const STATUS_LABELS: Record<EmbeddedStatus, string> = {
  stopped: 'Stopped',
  starting: 'Starting…',
  running: 'Running',
  stopping: 'Stopping…',
  restarting: 'Crashed — restarting',
  failed: 'Not running',
};

/** The status dot's look, from the session dot's classes. */
export const STATUS_DOT: Record<EmbeddedStatus, string> = {
  stopped: 'status-idle',
  starting: 'status-connecting',
  running: 'status-connected',
  stopping: 'status-connecting',
  restarting: 'status-connecting',
  failed: 'status-disconnected',
};
