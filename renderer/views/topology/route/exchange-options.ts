import type { TopologyExchange } from '../../../../shared/model/topology.js';
import type { ComboOption } from '../../../components/Combobox.js';

export const DEFAULT_EXCHANGE_LABEL = '(AMQP default)';

export const exchangeLabel = (name: string): string => (name === '' ? DEFAULT_EXCHANGE_LABEL : name);

/** The explainer's exchange choices: the default exchange first, then by name, each with its type. */
export function exchangeOptions(exchanges: readonly TopologyExchange[]): ComboOption[] {
  return [...exchanges]
    .sort((a, b) => (a.name === '' ? -1 : b.name === '' ? 1 : a.name.localeCompare(b.name)))
    .map((x) => ({ value: x.name, label: exchangeLabel(x.name), detail: `${x.type}${x.internal ? ' · internal' : ''}` }));
}
