import { ApiError } from '../../../../shared/api/errors.js';
import { MAX_BODY_BYTES, type BodySource } from '../../../../shared/model/workbench/message.js';
import { type ProbeChannel, openProbeChannel } from '../../route/probe-channel.js';
import { fromWireBytes } from '../codec/wire-bytes.js';
import type { WorkbenchDeps } from '../workbench-deps.js';

export interface WorkbenchChannel extends ProbeChannel {
  profileId: string;
  /** False once the session it was opened on is gone: disconnected, reconnected, or another profile chosen. */
  alive(): boolean;
}

/** A confirm channel of its own into `vhost` on the connected broker, named for the Connections view ('Warren publish'). */
export async function openWorkbenchChannel(deps: Pick<WorkbenchDeps, 'session' | 'store'>, vhost: string, purpose: string): Promise<WorkbenchChannel> {
  const broker = deps.session.broker();
  const probe = await openProbeChannel(broker.amqp, await deps.store.credentials(broker.profileId), vhost, purpose);
  const alive = () => {
    try {
      return deps.session.broker().amqp === broker.amqp && broker.amqp.status === 'connected';
    } catch {
      return false;
    }
  };
  return { ...probe, profileId: broker.profileId, alive };
}

/** The bytes of a body to publish: inline, or an upload (used once, then gone). */
export function bodyOf(source: BodySource, uploads: WorkbenchDeps['uploads']): Buffer {
  const body = source.kind === 'inline' ? fromWireBytes(source.bytes) : uploads.take(source.uploadId);
  if (body.length > MAX_BODY_BYTES) throw new ApiError('invalid_args', `The body is ${body.length} bytes; Warren publishes at most ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
  return body;
}
