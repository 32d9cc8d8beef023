import { useMemo } from 'react';
import { rowKey } from '../../../shared/model/inventory.js';
import { AlertsSection } from '../../alerts/AlertsSection.js';
import { HistoryCharts } from '../../charts/HistoryCharts.js';
import { CopyButton } from '../../components/CopyButton.js';
import { EmptyState } from '../../components/EmptyState.js';
import { QueueBadges } from '../../components/QueueBadges.js';
import { hrefOf } from '../../navigation/routes.js';
import { useConsole, useStore } from '../../state/StoreProvider.js';
import { COMPARE_MEMORY_KEY, MAX_COMPARED } from '../compare/CompareView.js';
import { useTopologySnapshot } from '../topology/useTopologySnapshot.js';
import { deadLetterExchange, queuePolicy } from './effective-policy.js';
import { EffectivePolicy } from './EffectivePolicy.js';
import { QueueActions } from './QueueActions.js';
import { QueueBindings } from './QueueBindings.js';
import { QueueConsumers, type ConsumerLine } from './QueueConsumers.js';
import { QueueProperties } from './QueueProperties.js';

const QUEUE_CHARTS = ['depth', 'rates', 'consumers'] as const;

/**
 * One queue on a page of its own: live counts, properties, arguments and
 * policy, bindings, consumers and the actions. Counts follow the sampler's
 * inventory; structure (bindings, policy definitions) comes from the vhost's
 * topology snapshot, refetched when the structure changes.
 */
export function QueuePage({ vhost, name }: { vhost: string; name: string }) {
  const key = rowKey(vhost, name);
  const queue = useConsole((s) => s.inventory.queues.find((q) => q.key === key));
  const consumers = useConsole((s) => s.inventory.consumers);
  const channels = useConsole((s) => s.inventory.channels);
  const topology = useTopologySnapshot(vhost);
  const { memory } = useStore();
  // Opens the compare view with this queue added to the ones chosen there before.
  const compare = (): void => {
    const chosen = (memory.get(COMPARE_MEMORY_KEY) as string[] | undefined) ?? [];
    if (!chosen.includes(key)) memory.set(COMPARE_MEMORY_KEY, [...chosen, key].slice(-MAX_COMPARED));
  };

  const lines = useMemo<ConsumerLine[]>(() => {
    const byName = new Map(channels.map((c) => [c.name, c]));
    return consumers.filter((c) => c.vhost === vhost && c.queue === name).map((consumer) => ({ consumer, channel: byName.get(consumer.channelName) }));
  }, [consumers, channels, vhost, name]);
  const bindings = useMemo(
    () => (topology.snapshot?.bindings ?? []).filter((b) => b.destinationType === 'queue' && b.destination === name),
    [topology.snapshot, name],
  );

  const back = (
    <a className="queue-page__back" href={hrefOf('queues')}>
      ← All queues
    </a>
  );
  if (!queue) {
    return (
      <div className="queue-page">
        {back}
        <EmptyState title={`No queue “${name}” in vhost ${vhost}`}>It was deleted, or it has not been sampled yet.</EmptyState>
      </div>
    );
  }
  const policy = queuePolicy(queue, topology.snapshot);
  return (
    <div className="queue-page">
      {back}
      <header className="queue-page__head">
        <h2 className="queue-page__title" title={queue.name}>
          {queue.name}
        </h2>
        <CopyButton text={queue.name} label="Copy name" />
        <span className="queue-page__vhost">vhost {queue.vhost}</span>
        <QueueBadges badges={queue.badges} args={queue.arguments} />
        <a className="button button--small queue-page__compare" href={hrefOf('compare')} onClick={compare}>
          Compare with other queues
        </a>
      </header>
      <QueueActions queue={queue} />
      <HistoryCharts scope={{ kind: 'queue', vhost, name }} fileBase={`${name} (vhost ${vhost})`} charts={QUEUE_CHARTS} memoryKey="queue-page" />
      <div className="queue-page__grid">
        <QueueProperties queue={queue} />
        <EffectivePolicy queue={queue} policy={policy} loading={topology.loading} error={topology.error} />
        <QueueBindings queue={queue} bindings={bindings} deadLetterTo={deadLetterExchange(queue, policy)} loading={topology.loading} />
        <QueueConsumers lines={lines} />
        <AlertsSection vhost={vhost} queue={name} />
      </div>
    </div>
  );
}
