import type { EventHub } from '../../events.js';

/** Progress events for a transfer, load or send-back: at most one per 100 ms, and always the last. */
export function progressReporter(hub: EventHub, transferId: string, total: number, now: () => number = Date.now) {
  let last = 0;
  return (done: number, final = false) => {
    const at = now();
    if (!final && at - last < 100) return;
    last = at;
    hub.emit('workbench.transferProgress', { transferId, done, total });
  };
}
