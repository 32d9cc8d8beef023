import { DumpedMessage } from '../../../../shared/model/workbench/surgery.js';

export interface LineProblem {
  line: number;
  message: string;
}

/** Problems reported at most: a file that is wrong everywhere says so without a megabyte of text. */
export const MAX_PROBLEMS = 200;

export function toDumpLines(messages: DumpedMessage[]): string {
  return messages.map((m) => JSON.stringify(m)).join('\n') + (messages.length > 0 ? '\n' : '');
}

/**
 * Reads a dump file (JSON lines of DumpedMessage) and checks every line before anything is
 * published: each problem names its line (from 1). Blank lines are allowed (a trailing newline).
 */
export function parseDumpLines(text: string): { messages: { line: number; message: DumpedMessage }[]; problems: LineProblem[] } {
  const messages: { line: number; message: DumpedMessage }[] = [];
  const problems: LineProblem[] = [];
  const lines = text.split('\n');
  let problemCount = 0;
  const problem = (line: number, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (source.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (err) {
      problem(line, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const parsed = DumpedMessage.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(line, `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
      return;
    }
    messages.push({ line, message: parsed.data });
  });
  if (problemCount > problems.length) problems.push({ line: 0, message: `…and ${problemCount - problems.length} more problems` });
  if (problemCount === 0 && messages.length === 0) problems.push({ line: 1, message: 'the file holds no messages' });
  return { messages, problems };
}
