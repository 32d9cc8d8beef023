import { Icon } from '../../../components/Icon.js';

/** Said before an edit: the broker changes no property of a queue or exchange in place. */
export function RecreateWarning({ what, messages = 0 }: { what: 'queue' | 'exchange'; messages?: number }) {
  return (
    <div className="warning" role="note">
      <Icon name="warning" />
      <span>
        The broker cannot change a {what} in place: applying this deletes the {what} and declares it again, with its bindings.
        {what === 'queue' && messages > 0 ? <strong> Its {messages.toLocaleString()} message{messages === 1 ? '' : 's'} will be lost.</strong> : null}
      </span>
    </div>
  );
}
