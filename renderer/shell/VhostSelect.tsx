import { useStore, useConsole } from '../state/StoreProvider.js';

/** Narrows every table to one vhost; "All vhosts" shows them all. */
export function VhostSelect() {
  const store = useStore();
  const vhosts = useConsole((s) => s.inventory.vhosts);
  const selected = useConsole((s) => s.vhost);
  const names = vhosts.map((v) => v.name).sort((a, b) => a.localeCompare(b));
  // Keep a selection that vanished from the broker visible, so the user sees why tables are empty.
  if (selected !== null && !names.includes(selected)) names.push(selected);
  return (
    <label className="vhost-select">
      <span className="vhost-select__label">vhost</span>
      <select
        className="select"
        value={selected ?? ''}
        onChange={(event) => store.dispatch({ type: 'vhost/selected', vhost: event.target.value === '' ? null : event.target.value })}
      >
        <option value="">All vhosts</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
