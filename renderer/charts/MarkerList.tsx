import type { HistoryMarker } from '../../shared/model/history.js';
import { formatInstant } from './time-format.js';

/** The events behind the charts' dashed markers, newest first, in words. */
export function MarkerList({ markers }: { markers: readonly HistoryMarker[] }) {
  if (markers.length === 0) return null;
  const newest = [...markers].sort((a, b) => b.t - a.t).slice(0, 20);
  return (
    <details className="marker-list">
      <summary>
        {markers.length} {markers.length === 1 ? 'event' : 'events'} in this range (dashed lines)
      </summary>
      <ul>
        {newest.map((m) => (
          <li key={`${m.t}-${m.kind}-${m.queue}`}>
            <time dateTime={new Date(m.t).toISOString()}>{formatInstant(m.t)}</time> {m.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
