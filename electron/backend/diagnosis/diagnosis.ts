import type { ConnectionCheck } from '../../../shared/model/profile.js';

export type CheckCode = ConnectionCheck['code'];

/** A failure explained: what happened, in words, and what to do about it. */
export interface Diagnosis {
  code: CheckCode;
  message: string;
  hint?: string;
}
