import { useLayoutEffect, useRef, useState } from 'react';
import type { EmbeddedLogLine } from '../../shared/model/embedded.js';
import { formatClock } from '../format/time.js';

/** Within this many pixels of the bottom counts as "at the bottom": new lines scroll into view. */
const STICK_PX = 24;

/**
 * The broker's log, newest at the bottom. It follows new lines while the
 * reader is at the bottom; scrolled up, it stays put and says how to go back.
 */
export function LogTail({ lines }: { lines: readonly EmbeddedLogLine[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);

  useLayoutEffect(() => {
    const box = ref.current;
    if (box && following) box.scrollTop = box.scrollHeight;
  }, [lines, following]);

  return (
    <div className="log-tail">
      <div
        ref={ref}
        className="log-tail__lines"
        role="log"
        aria-label="Broker log"
        tabIndex={0}
        onScroll={(event) => {
          const box = event.currentTarget;
          setFollowing(box.scrollHeight - box.scrollTop - box.clientHeight <= STICK_PX);
        }}
      >
        {lines.length === 0 ? <p className="log-tail__empty">Nothing logged yet.</p> : null}
        {lines.map((line) => (
          <div key={line.seq} className={`log-line log-line--${line.level}${line.source === 'supervisor' ? ' log-line--supervisor' : ''}`}>
            <span className="log-line__time">{formatClock(line.at)}</span>
            <span className="log-line__level">{line.level}</span>
            <span className="log-line__text">{line.source === 'supervisor' ? `Warren: ${line.text}` : line.text}</span>
          </div>
        ))}
      </div>
      {following ? null : (
        <button type="button" className="button button--small log-tail__follow" onClick={() => setFollowing(true)}>
          Scrolled up · jump to newest
        </button>
      )}
    </div>
  );
}
