import type { QueueRow } from '../../../shared/model/inventory.js';
import type { TopologyPolicy } from '../../../shared/model/topology.js';
import { overridingArgument } from './effective-policy.js';
import { Section } from './Section.js';

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The policy the broker applies to the queue, key by key, with the arguments that win over it. */
export function EffectivePolicy({ queue, policy, loading, error }: { queue: QueueRow; policy: TopologyPolicy | null; loading: boolean; error: string | null }) {
  if (queue.policy === null) {
    return (
      <Section title="Effective policy">
        <p className="panel__empty">No policy applies to this queue.</p>
      </Section>
    );
  }
  return (
    <Section title="Effective policy" aside={<span className="queue-page__mono">{queue.policy}</span>}>
      {policy === null ? (
        <p className="panel__empty">{error ? `Cannot read the policy: ${error}` : loading ? 'Reading the policy…' : 'The broker names this policy but does not list it.'}</p>
      ) : (
        <>
          <p className="panel__note">
            Pattern <code>{policy.pattern}</code> · applies to {policy.applyTo.replace('_', ' ')} · priority {policy.priority}
          </p>
          <table className="mini-table">
            <tbody>
              {Object.entries(policy.definition)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, value]) => {
                  const argument = overridingArgument(queue, key);
                  return (
                    <tr key={key} className={argument ? 'is-overridden' : undefined}>
                      <td className="queue-page__mono">{key}</td>
                      <td className="queue-page__mono">{show(value)}</td>
                      <td className="muted">{argument ? `overridden by the ${argument} argument` : ''}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
