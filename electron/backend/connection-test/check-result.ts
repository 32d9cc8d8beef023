import type { ConnectionCheck } from '../../../shared/model/profile.js';
import type { Diagnosis } from '../diagnosis/diagnosis.js';

export const passed = (detail: string, elapsedMs: number): ConnectionCheck => ({ ok: true, code: 'ok', message: 'Connected', detail, elapsedMs });

export const failed = (d: Diagnosis, elapsedMs: number): ConnectionCheck =>
  d.hint !== undefined ? { ok: false, code: d.code, message: d.message, hint: d.hint, elapsedMs } : { ok: false, code: d.code, message: d.message, elapsedMs };
