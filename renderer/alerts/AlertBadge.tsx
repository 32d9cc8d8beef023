import { createContext, useContext } from 'react';

/** Keys (rowKey) of the queues with a firing alert, for the Queues table's badge. */
export const FiringQueuesContext = createContext<ReadonlySet<string>>(new Set());

/** A small "Alert" badge when the queue has a firing rule: one Set lookup per visible row. */
export function AlertBadge({ queueKey }: { queueKey: string }) {
  const firing = useContext(FiringQueuesContext);
  if (!firing.has(queueKey)) return null;
  return (
    <span className="badge badge--alert" title="An alert rule fires on this queue" aria-label="Alert firing">
      Alert
    </span>
  );
}
