import { useId } from 'react';
import { useConsole } from '../../state/StoreProvider.js';

/** The connected broker's vhosts, by name; '/' first as RabbitMQ lists it. */
export function VhostSelect({ label, value, onChange }: { label: string; value: string; onChange: (vhost: string) => void }) {
  const id = useId();
  const names = useConsole((s) => s.inventory.vhosts).map((v) => v.name);
  const options = names.includes(value) ? names : [value, ...names];
  return (
    <label className="defs-field" htmlFor={id}>
      <span className="defs-field__label">{label}</span>
      <select id={id} className="select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
