import type { Problem } from './problems.js';

/** Definitions formats Warren reads: RabbitMQ 3.x and 4.x wrote the same shape. */
const KNOWN_MAJORS = new Set([3, 4]);

/**
 * rabbit_version (and rabbitmq_version, 3.8+) name the version that wrote the
 * file. An unknown major version may use another shape, so it is refused
 * rather than half-read; a file without one is read as 3.x/4.x, with a warning.
 */
export function versionProblems(doc: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const fields = ['rabbit_version', 'rabbitmq_version'].filter((f) => doc[f] !== undefined);
  if (fields.length === 0) {
    return [{ path: '$', message: 'names no rabbit_version: read as a RabbitMQ 3.x/4.x file', severity: 'warning' }];
  }
  for (const field of fields) {
    const value = doc[field];
    if (typeof value !== 'string') continue;
    const major = /^(\d+)\./.exec(value)?.[1];
    if (major === undefined || !KNOWN_MAJORS.has(Number(major))) {
      problems.push({
        path: `$.${field}`,
        message: `unknown version '${value}': Warren reads definitions from RabbitMQ 3.x and 4.x`,
        severity: 'error',
      });
    }
  }
  return problems;
}
