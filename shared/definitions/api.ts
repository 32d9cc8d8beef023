import { z } from 'zod';
import { ApplyResult, Change } from '../topology/change.js';
import { DiffEntry } from './diff.js';
import { Deletion, PlanStep } from './plan.js';
import { Problem } from './problems.js';
import { Summary } from './read.js';

/** The contract's definitions methods: arguments and answers. */
const vhost = z.string().max(255);
/** A definitions file as text; 50 MB is far above any real broker's export. */
const text = z.string().max(50 * 1024 * 1024);

export const ExportArgs = z.object({ vhost: vhost.nullable(), includeUsers: z.boolean() }).strict();
export const ExportResult = z.object({ fileName: z.string(), text: z.string() });

export const ValidateArgs = z.object({ text, vhost: vhost.nullable().optional() }).strict();
export const ValidateResult = z.object({ problems: z.array(Problem), summary: Summary.nullable() });

export const PlanArgs = z.object({
  text,
  /** The vhost a single-vhost file is imported into (default '/'); ignored for a whole-broker file. */
  vhost: vhost.nullable().optional(),
  /** Also delete what the broker has and the file lacks. */
  sync: z.boolean(),
}).strict();
export const PlanResult = z.object({
  problems: z.array(Problem),
  summary: Summary.nullable(),
  changes: z.array(Change),
  steps: z.array(PlanStep),
  /** The items that differ between the broker's matching scope (before) and the file (after). */
  diff: z.array(DiffEntry),
  deletions: z.array(Deletion),
});
export type PlanResult = z.infer<typeof PlanResult>;

export const ApplyArgs = PlanArgs.extend({ applyId: z.string().min(1).max(64) }).strict();
/** What was applied: the plan as it was computed at apply time, and each change's outcome. */
export const DefinitionsApplyResult = ApplyResult.extend({
  changes: z.array(Change),
  steps: z.array(PlanStep),
  problems: z.array(Problem),
  /** 'definitions': creates went in one all-or-nothing POST /api/definitions (the embedded broker). */
  mode: z.enum(['definitions', 'per-entity']),
});
export type DefinitionsApplyResult = z.infer<typeof DefinitionsApplyResult>;

export const CompareSide = z.discriminatedUnion('kind', [
  /** `vhost`: the vhost a single-vhost file stands for. */
  z.object({ kind: z.literal('file'), text, label: z.string().max(500), vhost: vhost.nullable().optional() }).strict(),
  /** vhost null: the whole broker. */
  z.object({ kind: z.literal('broker'), vhost: vhost.nullable() }).strict(),
]);
export type CompareSide = z.infer<typeof CompareSide>;
export const CompareArgs = z.object({ left: CompareSide, right: CompareSide }).strict();
export const CompareResult = z.object({
  /** left = before, right = after: 'added' is only on the right. */
  entries: z.array(DiffEntry),
  /** Files that could not be read, with the side named in each path. */
  problems: z.array(Problem),
  labels: z.tuple([z.string(), z.string()]),
});
export type CompareResult = z.infer<typeof CompareResult>;
