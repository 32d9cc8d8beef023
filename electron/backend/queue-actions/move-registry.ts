import { ApiError } from '../../../shared/api/errors.js';

/** Moves in flight by the caller's id, so queue.moveCancel can reach the one it names. */
export function createMoveRegistry() {
  const running = new Map<string, AbortController>();
  return {
    start(moveId: string): AbortSignal {
      if (running.has(moveId)) throw new ApiError('invalid_args', `A move with id ${moveId} is already running`);
      const controller = new AbortController();
      running.set(moveId, controller);
      return controller.signal;
    },
    finish(moveId: string): void {
      running.delete(moveId);
    },
    /** False when no such move runs (it finished already). */
    cancel(moveId: string): boolean {
      const controller = running.get(moveId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
