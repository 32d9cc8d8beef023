import { z } from 'zod';

/** One thing wrong with a definitions file, at its JSON path ($.queues[3].durable). */
export const Problem = z.object({
  path: z.string(),
  message: z.string(),
  /** Errors stop an import; warnings are shown and the import may go on. */
  severity: z.enum(['error', 'warning']),
});
export type Problem = z.infer<typeof Problem>;

export const isError = (p: Problem): boolean => p.severity === 'error';

/** $.queues[3].arguments["x-max-length"]: brackets for indexes and for keys that are not identifiers. */
export function jsonPath(parts: readonly PropertyKey[]): string {
  let out = '$';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** "null", "array", "string"...: what a person calls the type they wrote. */
export const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
