import type { LoadArgs, LoadResult } from '../../../../shared/model/workbench/surgery.js';
import { toAmqplibPublishOptions } from '../codec/properties.js';
import { fromWireBytes } from '../codec/wire-bytes.js';
import type { WorkbenchDeps } from '../workbench-deps.js';
import { type Outgoing, republishOptions } from './confirmed-publish.js';
import { parseDumpLines } from './dump-lines.js';
import { publishReported } from './reported-publish.js';
import { addressFor, missingTarget } from './transfer-target.js';
import { missing } from './vhost-channel.js';

/**
 * Publishes a dump file: every line is checked first and nothing is published while any is
 * bad; then each message goes, with confirms, to the target or back to the exchange and key
 * it was dumped with. A message the broker returns or refuses is reported with its line.
 */
export async function runLoad(args: LoadArgs, deps: WorkbenchDeps, signal: AbortSignal): Promise<LoadResult> {
  const { transferId } = args;
  const { messages, problems } = parseDumpLines(deps.uploads.take(args.uploadId).toString('utf8'));
  if (problems.length > 0) return { transferId, problems, published: 0, status: 'invalid' };

  const refused = (refusal: string): LoadResult => ({ transferId, problems: [], published: 0, status: 'refused', refusal });
  if (args.target) {
    const absent = await missingTarget(deps, args.vhost, args.target);
    if (absent) return refused(absent);
  } else {
    for (const exchange of new Set(messages.map((m) => m.message.exchange))) {
      const absent = await missing(deps, args.vhost, { exchange });
      if (absent) return refused(absent);
    }
  }

  const items = messages.map(({ line, message }) => {
    const { exchange, routingKey } = args.target ? addressFor(args.target, message.routingKey) : message;
    const options = republishOptions(toAmqplibPublishOptions(message.properties, message.headers));
    const out: Outgoing = { exchange, routingKey, content: fromWireBytes(message.body), options };
    return { line, out };
  });
  const failures: { line: number; message: string }[] = [];
  let published = 0;
  const status = await publishReported(deps, { transferId, vhost: args.vhost, purpose: 'load', signal, done: () => published }, items, (item, outcome) => {
    if (outcome === null) published += 1;
    else failures.push({ line: item.line, message: outcome });
  });
  deps.log.info('dump loaded', { transferId, published, failed: failures.length, status });
  return { transferId, problems: failures, published, status };
}
