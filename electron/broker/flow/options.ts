// Flow-control settings as given on the command line, checked with messages
// that say what is expected. Sizes take RabbitMQ's information units.
import { parseInformationUnit } from './information-unit.js';
import type { DiskFreeLimit, MemoryWatermark } from './limits.js';

/** RabbitMQ 3.10's default max_message_size (128 MiB). */
export const DEFAULT_MAX_MESSAGE_SIZE = 134_217_728;
/** RabbitMQ's ?MAX_MSG_SIZE: max_message_size is capped at 512 MiB. */
export const MAX_MESSAGE_SIZE_CEILING = 536_870_912;

export class FlowOptionError extends Error {}

/** `0.4` (a fraction of total RAM, with a decimal point) or an amount such as `512MiB` or `1073741824`. */
export function parseMemoryHighWatermark(text: string): MemoryWatermark {
  if (/^[0-9]*\.[0-9]+$/.test(text.trim())) {
    const relative = Number(text);
    if (relative > 1) throw new FlowOptionError(`a fraction of total memory must be between 0 and 1, got '${text}'`);
    return { relative };
  }
  const absolute = parseInformationUnit(text);
  if (absolute === undefined) {
    throw new FlowOptionError(`expected a fraction of total memory such as 0.4, or an amount such as 512MiB, got '${text}'`);
  }
  return { absolute };
}

/** An amount of free disk space such as `50MB`, `1GiB` or `50000000`, or a multiple of total RAM with a decimal point (`1.5`). */
export function parseDiskFreeLimit(text: string): DiskFreeLimit {
  if (/^[0-9]*\.[0-9]+$/.test(text.trim())) return { memRelative: Number(text) };
  const absolute = parseInformationUnit(text);
  if (absolute === undefined) {
    throw new FlowOptionError(`expected an amount of disk space such as 50MB or 1GiB, or a multiple of total memory such as 1.5, got '${text}'`);
  }
  return { absolute };
}

/** A message size in bytes (information units accepted), at most 512 MiB as in RabbitMQ. */
export function parseMaxMessageSize(text: string): number {
  const bytes = parseInformationUnit(text);
  if (bytes === undefined) throw new FlowOptionError(`expected a size in bytes such as 134217728 or 128MiB, got '${text}'`);
  checkMaxMessageSize(bytes);
  return bytes;
}

export function checkMaxMessageSize(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > MAX_MESSAGE_SIZE_CEILING) {
    throw new FlowOptionError(`the maximum message size must be between 0 and ${MAX_MESSAGE_SIZE_CEILING} bytes (512 MiB), got ${bytes}`);
  }
}
