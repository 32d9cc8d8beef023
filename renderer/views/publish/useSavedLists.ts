import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublishTemplate, SentMessage } from '../../../shared/model/workbench/publish.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';

export interface SavedLists {
  templates: readonly PublishTemplate[];
  sent: readonly SentMessage[];
  /** Why the lists could not be read, if they could not. */
  error: string | null;
  setTemplates(templates: readonly PublishTemplate[]): void;
  reloadSent(): void;
}

/** The connected profile's saved templates and sent-messages history, read again when the profile changes. */
export function useSavedLists(): SavedLists {
  const client = useClient();
  const profileId = useConsole((s) => s.session?.profileId ?? null);
  const [templates, setTemplates] = useState<readonly PublishTemplate[]>([]);
  const [sent, setSent] = useState<readonly SentMessage[]>([]);
  const [error, setError] = useState<string | null>(null);
  // A save or delete answered before the first read: its list is the newer one.
  const changed = useRef(false);
  const replaceTemplates = useCallback((next: readonly PublishTemplate[]) => {
    changed.current = true;
    setTemplates(next);
  }, []);

  const reloadSent = useCallback(() => {
    client
      .call('workbench.sent', {})
      .then((r) => setSent(r.sent))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [client]);

  useEffect(() => {
    if (profileId === null) return;
    let live = true;
    changed.current = false;
    Promise.all([client.call('workbench.templates', {}), client.call('workbench.sent', {})])
      .then(([t, s]) => {
        if (!live) return;
        if (!changed.current) setTemplates(t.templates);
        setSent(s.sent);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(errorMessage(e));
      });
    return () => {
      live = false;
    };
  }, [client, profileId]);

  return { templates, sent, error, setTemplates: replaceTemplates, reloadSent };
}
