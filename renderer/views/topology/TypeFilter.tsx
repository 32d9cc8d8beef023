import { useEffect, useRef } from 'react';
import { Icon } from '../../components/Icon.js';

/** Which kinds of node to show: each exchange type present, and queues. */
export function TypeFilter({ kinds, hidden, onToggle }: { kinds: readonly string[]; hidden: ReadonlySet<string>; onToggle: (kind: string) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // A popover closes on a click elsewhere, as menus do.
  useEffect(() => {
    const close = (event: MouseEvent): void => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const shown = kinds.filter((k) => !hidden.has(k)).length;
  return (
    <details className="topo-types" ref={ref}>
      <summary className="button button--small" aria-label="Filter by type">
        Types {shown < kinds.length ? <span className="topo-types__count">{shown}/{kinds.length}</span> : null}
        <Icon name="chevronDown" size={12} />
      </summary>
      <div className="topo-types__menu" role="group" aria-label="Node types">
        {kinds.map((kind) => (
          <label key={kind} className="topo-types__item">
            <input type="checkbox" checked={!hidden.has(kind)} onChange={() => onToggle(kind)} />
            <span className={`tnode__type tnode__type--${kind}`}>{kind}</span>
          </label>
        ))}
      </div>
    </details>
  );
}
