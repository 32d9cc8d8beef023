import { ApiError, type ApiErrorBody } from '../../shared/api/errors.js';

/**
 * What crosses a transport when a call fails. The dispatcher already turns
 * every failure into an ApiError; anything else reaching a transport is a bug
 * in the transport itself, reported without its (possibly sensitive) text.
 */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof ApiError) return err.toBody();
  return { code: 'internal', message: 'Internal error in the console backend' };
}
