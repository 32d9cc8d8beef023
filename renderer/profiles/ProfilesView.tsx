import { useState } from 'react';
import type { Profile } from '../../shared/model/profile.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Icon } from '../components/Icon.js';
import { StatusDot } from '../components/StatusDot.js';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useConsole, useStore } from '../state/StoreProvider.js';
import { hostOf } from '../format/uri.js';
import { ManagedProfile, MANAGED_NOTE_ID } from './ManagedProfile.js';
import { ProfileForm } from './ProfileForm.js';

type Editing = { kind: 'new' } | { kind: 'edit'; id: string };

/** The broker profiles: a list on the left, the selected one's form on the right. */
export function ProfilesView({ onConnected }: { onConnected: () => void }) {
  const client = useClient();
  const store = useStore();
  const profiles = useConsole((s) => s.profiles);
  const session = useConsole((s) => s.session);
  const [editing, setEditing] = useState<Editing>(() => {
    const id = session?.profileId ?? profiles[0]?.id;
    return id ? { kind: 'edit', id } : { kind: 'new' };
  });
  const [removing, setRemoving] = useState<Profile | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const selected = editing.kind === 'edit' ? profiles.find((p) => p.id === editing.id) : undefined;
  const mode: Editing = editing.kind === 'edit' && !selected ? { kind: 'new' } : editing;

  const run = async (what: string, action: () => Promise<void>): Promise<void> => {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(`${what} failed: ${errorMessage(error)}`);
    }
  };

  const connect = (profile: Profile): Promise<void> =>
    run('Connecting', async () => {
      const state = await client.call('session.connect', { id: profile.id });
      store.dispatch({ type: 'session/changed', session: state });
      onConnected();
    });

  const duplicate = (profile: Profile): Promise<void> =>
    run('Duplicating', async () => {
      const copy = await client.call('profiles.duplicate', { id: profile.id });
      store.dispatch({ type: 'profile/saved', profile: copy });
      setEditing({ kind: 'edit', id: copy.id });
    });

  const remove = (profile: Profile): Promise<void> =>
    run('Removing', async () => {
      setRemoving(null);
      await client.call('profiles.remove', { id: profile.id });
      store.dispatch({ type: 'profile/removed', id: profile.id });
      setEditing({ kind: 'new' });
    });

  if (profiles.length === 0) {
    return (
      <div className="welcome">
        <div className="welcome__intro">
          <h2 className="welcome__title">Add a broker</h2>
          <p className="welcome__text">
            Warren connects to RabbitMQ or any AMQP 0-9-1 broker through AMQP and the management HTTP API. The defaults below fit a local
            RabbitMQ with its stock <code>guest</code> account.
          </p>
        </div>
        <div className="panel">
          <ProfileForm onSaved={(saved) => void connect(saved)} />
        </div>
      </div>
    );
  }

  return (
    <div className="profiles">
      <aside className="profiles__list" aria-label="Profiles">
        <div className="profiles__list-head">
          <span>{profiles.length === 1 ? '1 profile' : `${profiles.length} profiles`}</span>
          <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'new' })}>
            <Icon name="plus" size={14} />
            Add broker
          </button>
        </div>
        <ul>
          {profiles.map((profile) => {
            const active = session?.profileId === profile.id;
            return (
              <li key={profile.id}>
                <button
                  type="button"
                  className={`profile-item${mode.kind === 'edit' && mode.id === profile.id ? ' is-selected' : ''}`}
                  onClick={() => setEditing({ kind: 'edit', id: profile.id })}
                  aria-current={mode.kind === 'edit' && mode.id === profile.id ? 'true' : undefined}
                >
                  <StatusDot status={active ? (session?.status ?? 'idle') : 'idle'} />
                  <span className="profile-item__text">
                    <span className="profile-item__name">{profile.name}</span>
                    <span className="profile-item__host">{hostOf(profile.amqpUri)}</span>
                  </span>
                  {profile.tls.skipVerify ? (
                    <span className="badge badge--warn" title="Certificate verification is off">
                      TLS!
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ul>
      </aside>
      <section className="profiles__detail">
        <div className="profiles__detail-head">
          <h2>{selected ? selected.name : 'New broker profile'}</h2>
          {selected ? (
            <div className="profiles__actions">
              <button type="button" className="button button--primary" onClick={() => void connect(selected)}>
                <Icon name="plug" size={14} />
                {session?.profileId === selected.id && session.status === 'connected' ? 'Reconnect' : 'Connect'}
              </button>
              <button type="button" className="button" onClick={() => void duplicate(selected)}>
                <Icon name="duplicate" size={14} />
                Duplicate
              </button>
              <button
                type="button"
                className="button button--danger-ghost"
                onClick={() => setRemoving(selected)}
                disabled={selected.builtIn}
                title={selected.builtIn ? 'Managed by Warren: it follows the embedded broker and cannot be removed' : undefined}
                aria-describedby={selected.builtIn ? MANAGED_NOTE_ID : undefined}
              >
                <Icon name="trash" size={14} />
                Remove
              </button>
            </div>
          ) : null}
        </div>
        {actionError ? (
          <p className="form-error" role="alert">
            {actionError}
          </p>
        ) : null}
        {selected?.builtIn ? (
          <ManagedProfile profile={selected} />
        ) : (
          <ProfileForm
            key={selected?.id ?? 'new'}
            profile={selected}
            onSaved={(saved) => setEditing({ kind: 'edit', id: saved.id })}
            onCancel={mode.kind === 'new' ? () => setEditing(profiles[0] ? { kind: 'edit', id: profiles[0].id } : { kind: 'new' }) : undefined}
          />
        )}
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'profile'}?`}
        confirmLabel="Remove"
        danger
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      >
        The profile and its saved password are deleted from this machine. The broker itself is not touched.
      </ConfirmDialog>
    </div>
  );
}
