import type { EventName, EventPayload } from '../../shared/api/contract.js';
import type { Logger } from './logger.js';
import type { EventListener } from './types.js';

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

/** Fans events out to every transport; a throwing listener is logged and never stops the others. */
export function createEventHub(log: Logger): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (err) {
          log.error('event listener failed', { event, error: err instanceof Error ? err.message : String(err) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
