import { useState } from 'react';
import { PRESETS, type ChartRange } from './ranges.js';

const two = (n: number): string => String(n).padStart(2, '0');
/** A datetime-local input's value for an instant, in local time. */
const localValue = (t: number): string => {
  const d = new Date(t);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** 5 min / 1 h / 24 h ending now, or a custom from–to. */
export function RangePicker({ range, onChange }: { range: ChartRange; onChange: (range: ChartRange) => void }) {
  const [custom, setCustom] = useState(range.kind === 'custom');
  const [from, setFrom] = useState(() => localValue(range.kind === 'custom' ? range.from : Date.now() - 3_600_000));
  const [to, setTo] = useState(() => localValue(range.kind === 'custom' ? range.to : Date.now()));
  const fromMs = new Date(from).getTime();
  const toMs = new Date(to).getTime();
  const valid = Number.isFinite(fromMs) && Number.isFinite(toMs) && fromMs < toMs;
  return (
    <div className="range-picker" role="group" aria-label="Time range">
      {PRESETS.map((p) => (
        <button
          key={p.label}
          type="button"
          className={`button button--small${!custom && range.kind === 'last' && range.ms === p.ms ? ' is-active' : ''}`}
          aria-pressed={!custom && range.kind === 'last' && range.ms === p.ms}
          onClick={() => {
            setCustom(false);
            onChange({ kind: 'last', ms: p.ms });
          }}
        >
          {p.label}
        </button>
      ))}
      <button type="button" className={`button button--small${custom ? ' is-active' : ''}`} aria-pressed={custom} onClick={() => setCustom(true)}>
        Custom
      </button>
      {custom ? (
        <span className="range-picker__custom">
          <input className="input" type="datetime-local" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} />
          <span aria-hidden="true">–</span>
          <input className="input" type="datetime-local" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} />
          <button type="button" className="button button--small button--primary" disabled={!valid} onClick={() => onChange({ kind: 'custom', from: fromMs, to: toMs })}>
            Show
          </button>
        </span>
      ) : null}
    </div>
  );
}
