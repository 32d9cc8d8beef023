import { useEffect, useState, type KeyboardEvent } from 'react';
import { formatCount } from '../../format/numbers.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient, useConsole } from '../../state/StoreProvider.js';
import { useFramed } from '../../workbench/use-framed.js';
import { BrowseForm, BrowsePanel } from './BrowsePanel.js';
import { browseFromHash } from './consume-routes.js';
import { consumeStoreFor, type WorkbenchTab } from './consume-store.js';
import { ConsumerPanel, consumerTitle } from './ConsumerPanel.js';
import { StartConsumerForm } from './StartConsumerForm.js';
import './consume.css';

type Active = { kind: 'newConsumer' } | { kind: 'newBrowse' } | WorkbenchTab;

const sameTab = (a: Active, b: Active): boolean => a.kind === b.kind && ('id' in a ? 'id' in b && a.id === b.id : true);

/**
 * The Consume view: consumers and browses as tabs, each with its live list;
 * a tab to start another consumer, one to browse a queue. Lists live in a
 * store outside the view, so coming back to it finds them as they were.
 */
export function ConsumeView() {
  const client = useClient();
  const store = consumeStoreFor(client);
  const snapshot = useFramed(store.subscribe, store.getSnapshot);
  const selectedVhost = useConsole((s) => s.vhost);
  const [browseTarget] = useState(() => browseFromHash(window.location.hash));
  const [active, setActive] = useState<Active>(() => (browseTarget ? { kind: 'newBrowse' } : (snapshot.tabs.at(-1) ?? { kind: 'newConsumer' })));
  const [restoreError, setRestoreError] = useState<string | null>(null);

  useEffect(() => {
    store.restore().catch((error: unknown) => setRestoreError(`Could not list the running consumers: ${errorMessage(error)}`));
  }, [store]);

  const tabs: Active[] = [...snapshot.tabs, { kind: 'newConsumer' }, { kind: 'newBrowse' }];
  const current = tabs.find((t) => sameTab(t, active)) ?? { kind: 'newConsumer' };

  const onTabKey = (event: KeyboardEvent, index: number): void => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    const next = tabs[(index + delta + tabs.length) % tabs.length] as Active;
    setActive(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    <div className="consume-view">
      <div className="consume-tabs" role="tablist" aria-label="Consumers and browses">
        {tabs.map((tab, index) => {
          const selected = sameTab(tab, current);
          return (
            <button
              key={tabId(tab)}
              id={tabId(tab)}
              type="button"
              role="tab"
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className={`consume-tabs__tab${selected ? ' is-active' : ''}${tab.kind === 'newConsumer' || tab.kind === 'newBrowse' ? ' consume-tabs__tab--new' : ''}`}
              onClick={() => setActive(tab)}
              onKeyDown={(e) => onTabKey(e, index)}
            >
              <TabLabel tab={tab} snapshot={snapshot} />
            </button>
          );
        })}
      </div>
      {restoreError ? (
        <p className="consume-panel__error" role="alert">
          {restoreError}
        </p>
      ) : null}
      <div className="consume-view__body" role="tabpanel" aria-labelledby={tabId(current)}>
        {current.kind === 'newConsumer' ? (
          <StartConsumerForm
            start={async (args) => {
              const state = await store.start(args);
              setActive({ kind: 'consumer', id: state.consumerId });
            }}
          />
        ) : current.kind === 'newBrowse' ? (
          <BrowseForm
            store={store}
            initial={browseTarget ?? { vhost: selectedVhost ?? '/', queue: '' }}
            onRead={(id) => setActive({ kind: 'browse', id })}
          />
        ) : current.kind === 'consumer' && snapshot.consumers[current.id] ? (
          <ConsumerPanel key={current.id} state={snapshot.consumers[current.id]!} store={store} />
        ) : current.kind === 'browse' && snapshot.browses[current.id] ? (
          <BrowsePanel key={current.id} browseId={current.id} info={snapshot.browses[current.id]!} store={store} />
        ) : null}
      </div>
    </div>
  );
}

function tabId(tab: Active): string {
  return 'id' in tab ? `consume-tab-${tab.id}` : `consume-tab-${tab.kind}`;
}

function TabLabel({ tab, snapshot }: { tab: Active; snapshot: ReturnType<ReturnType<typeof consumeStoreFor>['getSnapshot']> }) {
  if (tab.kind === 'newConsumer') return <>+ Consumer</>;
  if (tab.kind === 'newBrowse') return <>+ Browse a queue</>;
  if (tab.kind === 'browse') {
    const info = snapshot.browses[tab.id];
    return (
      <span className="consume-tabs__name" title={info ? `Browse of ${info.queue} (vhost ${info.vhost})` : undefined}>
        Browse · {info?.queue ?? '…'}
      </span>
    );
  }
  const state = snapshot.consumers[tab.id];
  if (!state) return <>…</>;
  return (
    <>
      <span className={`consume-tabs__dot consume-tabs__dot--${state.status}`} aria-label={state.status} />
      <span className="consume-tabs__name" title={`${consumerTitle(state)} (vhost ${state.vhost}, ${state.status})`}>
        {consumerTitle(state)}
      </span>
      <span className="consume-tabs__count num">{formatCount(state.received)}</span>
    </>
  );
}
