import { useState } from 'react';
import { Switch } from '../components/Switch.js';
import { queueHref } from '../navigation/routes.js';
import { describeCondition } from './describe.js';
import { notificationsSupported, setNotificationsOptedIn, useNotificationsOptedIn } from './notify.js';
import { firingAlerts, useAlerts } from './useAlerts.js';

/** The desktop-notification opt-in: the browser asks for permission only when this is turned on. */
export function NotifyToggle() {
  const on = useNotificationsOptedIn();
  const [refused, setRefused] = useState(false);
  if (!notificationsSupported()) return null;
  const change = (next: boolean): void => {
    setRefused(false);
    void setNotificationsOptedIn(next).then((enabled) => setRefused(next && !enabled));
  };
  return (
    <span className="alerts-panel__notify">
      <Switch checked={on} onChange={change} label="Desktop notifications" />
      {refused ? <span className="alerts-panel__refused">Blocked by the browser</span> : null}
    </span>
  );
}

/** The Overview's list of alerts firing now, each linking to its queue's page. */
export function FiringAlerts() {
  const { rules, states, loaded, error } = useAlerts();
  const firing = firingAlerts(rules, states);
  if (!loaded || (error !== null && rules.length === 0)) return null;
  return (
    <section className={`panel alerts-panel${firing.length > 0 ? ' is-firing' : ''}`} aria-label="Firing alerts">
      <h2 className="panel__title">
        <span className="alerts-panel__heading">
          Alerts
          {firing.length > 0 ? <span className="badge badge--alert">{firing.length} firing</span> : null}
        </span>
        <NotifyToggle />
      </h2>
      {firing.length === 0 ? (
        <p className="panel__empty">
          {rules.length === 0 ? 'No alert rules yet: add them on a queue’s page.' : `None of the ${rules.length === 1 ? 'rule' : `${rules.length} rules`} fires.`}
        </p>
      ) : (
        <ul className="alerts-panel__list">
          {firing.map(({ rule, state }) => (
            <li key={rule.id} className="alerts-panel__item">
              <a href={queueHref(rule.vhost, rule.queue)} title={`${rule.queue} (vhost ${rule.vhost})`}>
                {rule.queue}
              </a>
              {rule.vhost !== '/' ? <span className="alerts-panel__vhost">vhost {rule.vhost}</span> : null}
              <span className="alerts-panel__rule">{describeCondition(rule.condition)}</span>
              <span className="alerts-panel__text">{state.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
