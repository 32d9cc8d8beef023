import { ApiError, invalidArgs } from '../../shared/api/errors.js';
import { type ConsoleHandlers, isMethodName, methods } from '../../shared/api/contract.js';
import type { Logger } from './logger.js';

/**
 * The single entry point both transports call: validates the method name and
 * its arguments against the contract, runs the handler, and turns every
 * failure into an ApiError. Same input, same answer, whichever transport.
 */
export function createDispatcher(handlers: ConsoleHandlers, log: Logger) {
  return async function dispatch(method: unknown, rawArgs: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      throw new ApiError('unknown_method', `Unknown method: ${String(method).slice(0, 100)}`);
    }
    const spec = methods[method];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const error = invalidArgs(method, parsed.error);
      log.warn('rejected call', { method, issues: error.issues?.map((i) => i.path) });
      throw error;
    }
    try {
      const handler = handlers[method] as (args: unknown) => Promise<unknown>;
      return await handler(parsed.data);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      log.error('handler failed', { method, error: err instanceof Error ? err.message : String(err) });
      throw new ApiError('internal', err instanceof Error ? err.message : String(err));
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
