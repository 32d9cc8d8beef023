import { useMemo } from 'react';
import type { TopologySnapshot } from '../../../shared/model/topology.js';
import { inVhost } from '../../state/selectors.js';
import { useConsole } from '../../state/StoreProvider.js';
import { Combobox, type ComboOption } from '../../components/Combobox.js';

export const DEFAULT_EXCHANGE_LABEL = '(default exchange)';
const exchangeLabel = (name: string): string => (name === '' ? DEFAULT_EXCHANGE_LABEL : name);

/** Routing keys worth suggesting: the binding keys of the exchange, or queue names for the default exchange. */
export function keySuggestions(snapshot: TopologySnapshot | null, exchange: string, queueNames: readonly string[]): ComboOption[] {
  if (exchange === '') return queueNames.map((name) => ({ value: name, detail: 'queue' }));
  if (snapshot === null) return [];
  const byKey = new Map<string, string[]>();
  for (const b of snapshot.bindings) {
    if (b.source !== exchange) continue;
    const list = byKey.get(b.routingKey) ?? [];
    list.push(b.destinationType === 'exchange' ? `exchange ${b.destination}` : b.destination);
    byKey.set(b.routingKey, list);
  }
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, destinations]) => ({ value: key, label: key === '' ? '(empty key)' : key, detail: `→ ${destinations.slice(0, 3).join(', ')}${destinations.length > 3 ? ` +${destinations.length - 3}` : ''}` }));
}

/** Where the message goes: exchange (searchable) and routing key (suggested from bindings). */
export function DestinationFields({
  vhost,
  snapshot,
  exchange,
  routingKey,
  onChange,
  keyProblem,
}: {
  vhost: string;
  snapshot: TopologySnapshot | null;
  exchange: string;
  routingKey: string;
  onChange: (change: { exchange?: string; routingKey?: string }) => void;
  keyProblem?: string;
}) {
  const exchanges = useConsole((s) => s.inventory.exchanges);
  const queues = useConsole((s) => s.inventory.queues);
  const exchangeOptions = useMemo<ComboOption[]>(
    () => [
      // Always there, whether or not the broker lists it.
      { value: '', label: DEFAULT_EXCHANGE_LABEL, detail: 'direct · by queue name' },
      ...inVhost(exchanges, vhost)
        .filter((x) => x.name !== '')
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((x) => ({ value: x.name, label: x.name, detail: `${x.type}${x.internal ? ' · internal' : ''}` })),
    ],
    [exchanges, vhost],
  );
  const queueNames = useMemo(() => inVhost(queues, vhost).map((q) => q.name).sort((a, b) => a.localeCompare(b)), [queues, vhost]);
  const keyOptions = useMemo(() => keySuggestions(snapshot, exchange, queueNames), [snapshot, exchange, queueNames]);
  const picked = exchangeOptions.find((o) => o.value === exchange);
  return (
    <div className="publish-destination">
      <div className="field">
        <label className="field__label" htmlFor="publish-exchange">
          Exchange
        </label>
        <Combobox
          id="publish-exchange"
          label="Exchange"
          value={exchange}
          displayValue={exchangeLabel}
          onChange={(value) => onChange({ exchange: value === DEFAULT_EXCHANGE_LABEL ? '' : value })}
          options={exchangeOptions}
          placeholder="Search exchanges"
          emptyText="No exchange matches: the name is used as typed"
          describedBy="publish-exchange-note"
        />
        <span className={`field__note${picked ? '' : ' is-warn'}`} id="publish-exchange-note">
          {picked ? picked.detail : `No exchange '${exchange}' in vhost ${vhost}: the broker will refuse it (404)`}
        </span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="publish-routing-key">
          Routing key
        </label>
        <Combobox
          id="publish-routing-key"
          label="Routing key"
          value={routingKey}
          onChange={(value) => onChange({ routingKey: value })}
          options={keyOptions}
          placeholder={exchange === '' ? 'A queue name' : 'e.g. order.created'}
          emptyText={exchange === '' ? 'No queue in this vhost' : 'No binding of this exchange: nothing to suggest'}
          invalid={keyProblem !== undefined}
          describedBy="publish-routing-key-note"
        />
        <span className={`field__note${keyProblem ? ' is-bad' : ''}`} id="publish-routing-key-note">
          {keyProblem ?? (exchange === '' ? 'The default exchange delivers to the queue of this name' : `${keyOptions.length} binding ${keyOptions.length === 1 ? 'key' : 'keys'} suggested`)}
        </span>
      </div>
    </div>
  );
}
