import type { CompareSide } from '../../../shared/definitions/api.js';
import type { Model } from '../../../shared/definitions/model.js';
import type { Problem } from '../../../shared/definitions/problems.js';
import { readDefinitions } from '../../../shared/definitions/read.js';
import type { ManagementClient } from '../management/management-client.js';
import { fetchDefinitions } from './broker-definitions.js';

type Management = Pick<ManagementClient, 'get'>;

export interface LoadedSide {
  label: string;
  form: 'broker' | 'vhost';
  /** The vhost a single-vhost side stands for. */
  vhost: string | null;
  model: Model | null;
  problems: Problem[];
}

const sideLabel = (side: CompareSide): string =>
  side.kind === 'file' ? side.label : side.vhost === null ? 'Broker' : `Vhost ${side.vhost}`;

/** Reads one side of a comparison: a file as given, or the broker's own export. */
export async function loadSide(management: (() => Management) | null, side: CompareSide, fallbackVhost: string | null): Promise<LoadedSide> {
  const label = sideLabel(side);
  if (side.kind === 'file') {
    const vhost = side.vhost ?? fallbackVhost ?? '/';
    const read = readDefinitions(side.text, { vhost });
    const form = read.summary?.form ?? 'broker';
    // Only whether the file can be read counts here: a comparison shows broken references rather than refusing them.
    const unreadable = read.model ? [] : read.problems;
    return { label, form, vhost: form === 'vhost' ? vhost : null, model: read.model ?? null, problems: unreadable };
  }
  if (!management) throw new Error('a broker side needs a connected broker');
  const doc = await fetchDefinitions(management(), side.vhost);
  const read = readDefinitions(JSON.stringify(doc), { vhost: side.vhost ?? '/' });
  return { label, form: side.vhost === null ? 'broker' : 'vhost', vhost: side.vhost, model: read.model ?? null, problems: read.model ? [] : read.problems };
}

/** A whole broker compared with one vhost: only that vhost's part of it counts. */
export function scopeTo(model: Model, vhost: string): Model {
  return { ...model, form: 'vhost', items: model.items.filter((i) => i.vhost === vhost && i.entity !== 'permission' && i.entity !== 'topicPermission') };
}
