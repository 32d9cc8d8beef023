import type { Profile } from '../../shared/model/profile.js';
import { Icon } from '../components/Icon.js';
import { hrefOf } from '../navigation/routes.js';

/** Why the built-in profile has no form and no Remove: said once, referenced by the disabled button too. */
export const MANAGED_NOTE_ID = 'managed-profile-note';

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd title={value}>{value}</dd>
    </div>
  );
}

/**
 * The embedded broker's profile, read-only: Warren rewrites it whenever the
 * broker's ports change, so a form here could only be refused on save.
 */
export function ManagedProfile({ profile }: { profile: Profile }) {
  return (
    <div className="managed-profile">
      <p className="managed-profile__note" role="note" id={MANAGED_NOTE_ID}>
        <Icon name="broker" size={14} />
        <span>
          Managed by Warren: its settings are on the <a href={hrefOf('broker')}>Broker page</a>. It follows the embedded broker, so it
          cannot be edited or removed here; Duplicate makes a copy you can edit.
        </span>
      </p>
      <dl className="facts managed-profile__details">
        <Detail label="AMQP URI" value={profile.amqpUri} />
        <Detail label="Management URL" value={profile.effectiveManagementUrl} />
        <Detail label="Username" value={profile.username} />
      </dl>
    </div>
  );
}
