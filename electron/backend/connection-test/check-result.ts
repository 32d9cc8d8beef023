import type { ConnectionCheck } from '../../../shared/model/profile.js';

export type CheckCode = ConnectionCheck['code'];

/** A failure explained: what happened, in words, and what to do about it. */
export interface Diagnosis {
  code: CheckCode;
  message: string;
  hint?: string;
}

export const passed = (detail: string, elapsedMs: number): ConnectionCheck => ({ ok: true, code: 'ok', message: 'Connected', detail, elapsedMs });

export const failed = (d: Diagnosis, elapsedMs: number): ConnectionCheck =>
  d.hint !== undefined ? { ok: false, code: d.code, message: d.message, hint: d.hint, elapsedMs } : { ok: false, code: d.code, message: d.message, elapsedMs };
