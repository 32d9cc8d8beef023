import type { ConnectionCheck, ConnectionTestResult } from '../../shared/model/profile.js';
import { CopyButton } from '../components/CopyButton.js';
import { Icon } from '../components/Icon.js';
import { commandsIn } from './hintCommands.js';

function elapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function CheckRow({ label, check }: { label: string; check: ConnectionCheck }) {
  return (
    <div className={`check-row ${check.ok ? 'is-ok' : 'is-failed'}`}>
      <span className="check-row__icon">
        <Icon name={check.ok ? 'check' : 'cross'} size={14} />
      </span>
      <div className="check-row__body">
        <div className="check-row__head">
          <span className="check-row__label">{label}</span>
          <span className="check-row__message">{check.message}</span>
          <span className="check-row__elapsed">{elapsed(check.elapsedMs)}</span>
        </div>
        {check.detail ? <div className="check-row__detail">{check.detail}</div> : null}
        {check.hint ? <p className="check-row__advice">{check.hint}</p> : null}
        {check.hint
          ? commandsIn(check.hint).map((command) => (
              <div className="check-row__hint" key={command}>
                <code>{command}</code>
                <CopyButton text={command} />
              </div>
            ))
          : null}
      </div>
    </div>
  );
}

/** AMQP and HTTP are checked separately: a broker can answer one and not the other. */
export function ConnectionTestPanel({ result }: { result: ConnectionTestResult }) {
  return (
    <div className="check-panel" role="status" aria-label="Connection test result">
      <CheckRow label="AMQP" check={result.amqp} />
      <CheckRow label="HTTP" check={result.http} />
    </div>
  );
}
