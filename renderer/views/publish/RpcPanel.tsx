import { useState } from 'react';
import type { TopologySnapshot } from '../../../shared/model/topology.js';
import type { RpcArgs, RpcResult } from '../../../shared/model/workbench/rpc.js';
import { errorMessage } from '../../state/consoleStore.js';
import { useClient } from '../../state/StoreProvider.js';
import { useRemembered } from '../../state/useRemembered.js';
import type { CheckedForm } from '../../workbench/publish-form.js';
import { returnReason } from '../../workbench/publish-route-reason.js';
import { bodySource } from '../../workbench/publish-upload.js';
import { plainHeaders } from '../../workbench/typed-value.js';
import { requestRouteExplanation } from '../topology/route/route-request.js';
import { RpcReply } from './RpcReply.js';

type ReplyMode = RpcArgs['replyMode'];

interface Outcome {
  result: RpcResult;
  reason: string | null;
  exchange: string;
  routingKey: string;
  headers: CheckedForm['message']['headers'];
}

/**
 * Calls a service: the form's message goes out with a fresh correlation id and
 * reply-to (direct reply-to, or a temporary queue), and the reply comes back
 * here with the round-trip time, or the timeout, return or refusal says why not.
 */
export function useRpcCall(vhost: string, snapshot: TopologySnapshot | null) {
  const client = useClient();
  const [outcome, setOutcome] = useRemembered<Outcome | null>('publish.rpcOutcome', null);
  const [calling, setCalling] = useState<{ upload: { sent: number; total: number } | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const call = async (checked: CheckedForm, body: Uint8Array, replyMode: ReplyMode, timeoutMs: number) => {
    const { exchange, routingKey, headers } = checked.message;
    const { replyTo: _replyTo, correlationId: _correlationId, ...properties } = checked.message.properties;
    setCalling({ upload: null });
    setError(null);
    try {
      const source = await bodySource(client, body, (sent, total) => setCalling({ upload: { sent, total } }));
      if (source === null) return;
      const result = await client.call('workbench.rpc', { callId: crypto.randomUUID(), vhost, exchange, routingKey, properties, headers, body: source, replyMode, timeoutMs });
      const reason = result.outcome === 'returned' && snapshot ? returnReason(snapshot, { exchange, routingKey, headers }) : null;
      setOutcome({ result, reason, exchange, routingKey, headers });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setCalling(null);
    }
  };
  return { outcome, calling, error, call };
}

export function RpcSettings({
  replyMode,
  timeoutText,
  timeoutProblem,
  onChange,
}: {
  replyMode: ReplyMode;
  timeoutText: string;
  timeoutProblem: string | null;
  onChange: (patch: { replyMode?: ReplyMode; timeoutText?: string }) => void;
}) {
  return (
    <div className="run-settings">
      <div className="run-settings__repeat">
        <div className="segmented" role="radiogroup" aria-label="Reply to">
          {(
            [
              ['direct', 'Direct reply-to'],
              ['temporary', 'Temporary queue'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className={`segmented__item${replyMode === mode ? ' is-on' : ''}`}>
              <input type="radio" name="rpc-reply-mode" value={mode} checked={replyMode === mode} onChange={() => onChange({ replyMode: mode })} />
              {label}
            </label>
          ))}
        </div>
        <span className="run-settings__number">
          <span className="muted">Timeout</span>
          <input
            className={`input input--mono${timeoutProblem ? ' is-invalid' : ''}`}
            aria-label="Timeout in milliseconds"
            aria-invalid={timeoutProblem ? true : undefined}
            inputMode="numeric"
            value={timeoutText}
            onChange={(e) => onChange({ timeoutText: e.target.value })}
          />
          <span className="muted">ms</span>
        </span>
        {timeoutProblem ? <span className="field__note is-bad">{timeoutProblem}</span> : null}
      </div>
      <p className="run-settings__hint">
        {replyMode === 'direct'
          ? 'Replies come through amq.rabbitmq.reply-to: no queue is declared. The responder must publish to the default exchange with the reply-to as key.'
          : 'An exclusive, auto-delete queue is declared for this call and deleted after it.'}{' '}
        Warren sets reply-to and a new correlation id.
      </p>
    </div>
  );
}

export function timeoutProblemOf(text: string): string | null {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= 100 && n <= 600_000 ? null : 'from 100 to 600,000 ms';
}

export function RpcOutcome({ outcome, error }: { outcome: Outcome | null; error: string | null }) {
  if (error) {
    return (
      <p className="run-card__refusal" role="alert">
        The call failed: {error}
      </p>
    );
  }
  if (!outcome) return <p className="muted publish-panel__empty">The reply shows here, with its round-trip time.</p>;
  return (
    <RpcReply
      result={outcome.result}
      returnReason={outcome.reason}
      onExplain={() => requestRouteExplanation({ exchange: outcome.exchange, routingKey: outcome.routingKey, headers: plainHeaders(outcome.headers) })}
    />
  );
}
