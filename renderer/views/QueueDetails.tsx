import type { ReactNode } from 'react';
import type { QueueRow } from '../../shared/model/inventory.js';
import { CopyButton } from '../components/CopyButton.js';
import { Icon } from '../components/Icon.js';
import { badgeTooltip } from '../components/QueueBadges.js';
import { formatCount, formatRate, MISSING } from '../format/numbers.js';
import { queueHref } from '../navigation/routes.js';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function argumentValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The selected queue in full: every argument with its value, which the table only hints at. */
export function QueueDetails({ queue, onClose }: { queue: QueueRow; onClose: () => void }) {
  const args = Object.entries(queue.arguments).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="details" aria-label={`Queue ${queue.name}`}>
      <header className="details__head">
        <h2 className="details__title" title={queue.name}>
          {queue.name || '(unnamed)'}
        </h2>
        <CopyButton text={queue.name} label="Copy name" />
        <span className="details__sub">vhost {queue.vhost}</span>
        <span className="details__badges">
          {queue.badges.map((badge) => (
            <span key={badge} className="details__badge" title={badgeTooltip(badge, queue.arguments)}>
              {badgeTooltip(badge, queue.arguments).split(' — ')[0]}
            </span>
          ))}
        </span>
        <a className="button button--small" href={queueHref(queue.vhost, queue.name)} title="Charts, bindings, consumers and actions (Enter or double-click in the table)">
          Open queue page
        </a>
        <button type="button" className="button button--ghost button--small details__close" onClick={onClose} aria-label="Close details">
          <Icon name="cross" size={14} />
        </button>
      </header>
      <div className="details__body">
        <dl className="details__group">
          <Item label="Ready">{formatCount(queue.ready)}</Item>
          <Item label="Unacked">{formatCount(queue.unacked)}</Item>
          <Item label="Total">{formatCount(queue.total)}</Item>
          <Item label="Consumers">{formatCount(queue.consumers)}</Item>
          <Item label="Publish">{formatRate(queue.publishRate)}</Item>
          <Item label="Deliver">{formatRate(queue.deliverRate)}</Item>
        </dl>
        <dl className="details__group">
          <Item label="Type">{queue.type}</Item>
          <Item label="State">{queue.state}</Item>
          <Item label="Durable">{yesNo(queue.durable)}</Item>
          <Item label="Auto-delete">{yesNo(queue.autoDelete)}</Item>
          <Item label="Exclusive">{yesNo(queue.exclusive)}</Item>
          <Item label="Policy">{queue.policy ?? MISSING}</Item>
        </dl>
        <div className="details__group details__group--wide">
          <h3 className="details__label">Arguments</h3>
          {args.length === 0 ? (
            <p className="muted">None</p>
          ) : (
            <dl className="details__args">
              {args.map(([name, value]) => (
                <div key={name} className="details__arg">
                  <dt>{name}</dt>
                  <dd>{argumentValue(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
