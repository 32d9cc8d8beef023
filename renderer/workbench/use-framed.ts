import { useEffect, useState } from 'react';

/**
 * Like useSyncExternalStore, but renders at most once per animation frame and
 * never inside the task that changed the store: a burst of message batches
 * becomes one render, and a key press waiting behind a batch runs before it.
 * `subscribe` and `read` must be stable.
 */
export function useFramed<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    let frame = 0;
    const stop = subscribe(() => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setValue(read);
        });
      }
    });
    setValue(read);
    return () => {
      stop();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [subscribe, read]);
  return value;
}
