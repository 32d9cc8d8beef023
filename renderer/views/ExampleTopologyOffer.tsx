import { useState } from 'react';
import { errorMessage } from '../state/consoleStore.js';
import { useClient, useConsole } from '../state/StoreProvider.js';

/**
 * On an empty embedded broker, the tutorials are one click from the first
 * screen, so a new user sees something real in every view straight away.
 */
export function ExampleTopologyOffer({ queueCount }: { queueCount: number }) {
  const client = useClient();
  const builtIn = useConsole((s) => s.profiles.find((p) => p.id === s.session?.profileId)?.builtIn === true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!builtIn || queueCount > 0) return null;

  const load = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await client.call('embedded.loadExamples', {});
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel example-offer" aria-labelledby="example-offer-title">
      <div className="example-offer__text">
        <h2 className="panel__title" id="example-offer-title">
          Warren's embedded broker is empty
        </h2>
        <p>
          Load the six RabbitMQ tutorials (hello, work queue, fanout, direct, topic and RPC) with a few messages each, or add your own
          broker under Profiles.
        </p>
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
      </div>
      <button type="button" className="button button--primary" onClick={() => void load()} disabled={busy}>
        {busy ? 'Loading…' : 'Load example topology'}
      </button>
    </section>
  );
}
