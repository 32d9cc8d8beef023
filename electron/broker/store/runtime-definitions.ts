// Policies, vhost runtime parameters and global parameters in
// definitions.json, in RabbitMQ's definitions format. They are durable in
// RabbitMQ (kept in its metadata store), so they are here too; policies are
// restored before queues and exchanges so every restored object is declared
// with the policy in force.
import type { GlobalParameter, Parameter, ParameterStore } from '../definitions/parameters.js';
import type { ApplyTo, PolicyStore } from '../policy/policies.js';

interface StoredPolicy { vhost: string; name: string; pattern: string; 'apply-to': ApplyTo; definition: Record<string, unknown>; priority: number }

export interface RuntimeDefinitions {
  policies: StoredPolicy[];
  parameters: Parameter[];
  global_parameters: GlobalParameter[];
}

/** Where policies and parameters live while the broker runs (the management API changes them). */
export interface RuntimeStores {
  policies: PolicyStore;
  parameters: ParameterStore;
}

export const RUNTIME_KEYS = ['policies', 'parameters', 'global_parameters'] as const;

export function runtimeDefinitions(stores: RuntimeStores): RuntimeDefinitions {
  return {
    policies: stores.policies.list().map((p) => ({
      vhost: p.vhost, name: p.name, pattern: p.pattern, 'apply-to': p.applyTo, definition: { ...p.definition }, priority: p.priority,
    })),
    parameters: stores.parameters.list().map((p) => ({ vhost: p.vhost, component: p.component, name: p.name, value: p.value })),
    global_parameters: stores.parameters.globalList().map((g) => ({ name: g.name, value: g.value })),
  };
}

export function restoreRuntimeDefinitions(stores: RuntimeStores, defs: RuntimeDefinitions): void {
  for (const p of defs.policies) {
    stores.policies.put({ vhost: p.vhost, name: p.name, pattern: p.pattern, applyTo: p['apply-to'], priority: p.priority, definition: p.definition });
  }
  for (const p of defs.parameters) stores.parameters.put(p);
  for (const g of defs.global_parameters) stores.parameters.putGlobal(g);
}
