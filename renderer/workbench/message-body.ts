import type { ConsoleClient } from '../../shared/api/contract.js';
import type { WireBytes } from '../../shared/model/workbench/message.js';
import { formatBytes, wireToBytes } from './message-bytes.js';

/** Reads `length` bytes of a whole body from `offset` (workbench.messageBody). */
export type BodySlice = (offset: number, length: number) => Promise<{ size: number; offset: number; bytes: WireBytes }>;

/** The backend serves slices of up to 4 MiB. */
const SLICE_BYTES = 4 * 1024 * 1024;

/** The slices of one held message's body, from its holder (a consumer, a browse). */
export function holderSlices(client: ConsoleClient, holderId: string, seq: number): BodySlice {
  return (offset, length) => client.call('workbench.messageBody', { holderId, seq, offset, length });
}

/** A whole body, slice after slice, reporting the bytes read so far. */
export async function fetchWhole(fetchSlice: BodySlice, size: number, onProgress: (done: number) => void = () => undefined): Promise<Uint8Array> {
  const whole = new Uint8Array(size);
  let offset = 0;
  while (offset < size) {
    const slice = await fetchSlice(offset, Math.min(SLICE_BYTES, size - offset));
    const bytes = wireToBytes(slice.bytes);
    if (bytes.length === 0) throw new Error(`the body ended at ${formatBytes(offset)} of ${formatBytes(size)}`);
    whole.set(bytes.subarray(0, size - offset), offset);
    offset += bytes.length;
    onProgress(offset);
  }
  return whole;
}
