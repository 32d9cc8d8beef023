import { createContext, useContext } from 'react';
import type { GrowthTracker } from './growth.js';

/** What node components need from the view besides their own data. */
export type TopologyViewContext = {
  vhost: string;
  growth: GrowthTracker;
  /** Opens or folds an exchange's fan-out group. */
  toggleFanout(exchange: string): void;
  /** Nodes show connection handles only when an editor takes the connection. */
  connectable: boolean;
};

export const TopologyContext = createContext<TopologyViewContext | null>(null);

export function useTopologyContext(): TopologyViewContext {
  const ctx = useContext(TopologyContext);
  if (ctx === null) throw new Error('useTopologyContext outside the topology view');
  return ctx;
}
