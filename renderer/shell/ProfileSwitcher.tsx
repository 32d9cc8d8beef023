import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../components/Icon.js';
import { hostOf } from '../format/uri.js';
import { StatusDot } from '../components/StatusDot.js';
import { sessionProfile } from '../state/selectors.js';
import { useClient, useConsole } from '../state/StoreProvider.js';
import { errorMessage } from '../state/consoleStore.js';
import type { Route } from '../navigation/routes.js';

/** The sidebar's broker picker: shows where we are connected, switches with one click. */
export function ProfileSwitcher({ navigate }: { navigate: (route: Route) => void }) {
  const client = useClient();
  const profiles = useConsole((s) => s.profiles);
  const session = useConsole((s) => s.session);
  const current = useConsole(sessionProfile);
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent): void => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  const connect = (id: string): void => {
    setOpen(false);
    client.call('session.connect', { id }).catch((error: unknown) => console.warn('session.connect failed:', errorMessage(error)));
  };

  const backendReachable = useConsole((s) => s.backendReachable);
  // With the backend gone, a green dot would claim a link nobody can vouch for.
  const status = backendReachable ? (session?.status ?? 'idle') : 'disconnected';
  return (
    <div className="switcher">
      <button
        ref={buttonRef}
        type="button"
        className="switcher__button"
        title={current ? `${current.name} — ${hostOf(current.amqpUri)}` : 'Choose a broker profile'}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <StatusDot status={current ? status : 'idle'} />
        <span className="switcher__text">
          <span className="switcher__name">{current?.name ?? 'No broker'}</span>
          <span className="switcher__detail">{current ? hostOf(current.amqpUri) : 'Choose a profile'}</span>
        </span>
        <Icon name="chevronDown" size={14} className="switcher__chevron" />
      </button>
      {open ? (
        <div className="switcher__menu" role="menu" ref={menuRef} onKeyDown={onMenuKeyDown} aria-label="Broker profiles">
          {profiles.map((profile) => (
            <button
              key={profile.id}
              type="button"
              role="menuitem"
              className={`switcher__item${profile.id === current?.id ? ' is-current' : ''}`}
              onClick={() => connect(profile.id)}
            >
              <span className="switcher__item-name">{profile.name}</span>
              <span className="switcher__item-host">{hostOf(profile.amqpUri)}</span>
            </button>
          ))}
          {profiles.length > 0 ? <div className="switcher__separator" role="separator" /> : null}
          <button
            type="button"
            role="menuitem"
            className="switcher__item"
            onClick={() => {
              setOpen(false);
              navigate('profiles');
            }}
          >
            <span className="switcher__item-name">Manage profiles…</span>
            <kbd className="kbd">G P</kbd>
          </button>
        </div>
      ) : null}
    </div>
  );
}
