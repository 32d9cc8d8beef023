import { type EventName, type EventPayload, type MethodName, type ResultOf, events, methods } from '../../shared/api/contract.js';
import { ApiError, ApiErrorBody, issuesOf } from '../../shared/api/errors.js';

/**
 * Nothing from a transport is trusted by its type alone: results and event
 * payloads are parsed against the contract, so a backend of another version
 * (or a bug) shows up as an ApiError instead of a crash deep in a view.
 */
export function checkedResult<M extends MethodName>(method: M, raw: unknown): ResultOf<M> {
  const parsed = methods[method].result.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError('internal', `The backend sent a malformed result for ${method}`, issuesOf(parsed.error));
  }
  return parsed.data as ResultOf<M>;
}

export function errorFromBody(raw: unknown): ApiError {
  const body = ApiErrorBody.safeParse(raw);
  return body.success ? ApiError.fromBody(body.data) : new ApiError('internal', 'The backend sent a malformed error');
}

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** Listeners per event; payloads are checked once, and one throwing listener does not starve the rest. */
export function createEventRouter() {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    add<E extends EventName>(event: E, listener: Listener<E>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
    count(event: EventName): number {
      return listeners.get(event)?.size ?? 0;
    },
    emit(event: EventName, raw: unknown): void {
      const parsed = events[event].safeParse(raw);
      if (!parsed.success) {
        console.warn(`Warren: dropped a malformed ${event} event`, issuesOf(parsed.error));
        return;
      }
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(parsed.data as EventPayload<EventName>);
        } catch (err) {
          console.error(`Warren: a ${event} listener failed`, err);
        }
      }
    },
  };
}
