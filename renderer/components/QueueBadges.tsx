import type { QueueBadge, QueueRow } from '../../shared/model/inventory.js';

/** What each badge stands for, and the x-argument(s) whose value its tooltip shows. */
const BADGES: Record<QueueBadge, { title: string; args: string[]; tone: 'arg' | 'flag' }> = {
  DLX: { title: 'Dead-letter exchange', args: ['x-dead-letter-exchange', 'x-dead-letter-routing-key'], tone: 'arg' },
  TTL: { title: 'Message TTL', args: ['x-message-ttl'], tone: 'arg' },
  Exp: { title: 'Queue expires when unused', args: ['x-expires'], tone: 'arg' },
  Lim: { title: 'Max length (messages)', args: ['x-max-length', 'x-overflow'], tone: 'arg' },
  LimB: { title: 'Max length (bytes)', args: ['x-max-length-bytes', 'x-overflow'], tone: 'arg' },
  Pri: { title: 'Priority queue', args: ['x-max-priority'], tone: 'arg' },
  SAC: { title: 'Single active consumer', args: ['x-single-active-consumer'], tone: 'arg' },
  Lazy: { title: 'Lazy queue', args: ['x-queue-mode'], tone: 'arg' },
  Excl: { title: 'Exclusive to its connection', args: [], tone: 'flag' },
  AD: { title: 'Auto-delete', args: [], tone: 'flag' },
  D: { title: 'Durable', args: [], tone: 'flag' },
};

function describe(value: unknown): string {
  if (value === '') return '""';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "Dead-letter exchange — x-dead-letter-exchange: dlx" */
export function badgeTooltip(badge: QueueBadge, args: QueueRow['arguments']): string {
  const info = BADGES[badge];
  const values = info.args.filter((name) => name in args).map((name) => `${name}: ${describe(args[name])}`);
  return values.length > 0 ? `${info.title} — ${values.join(', ')}` : info.title;
}

export function QueueBadges({ badges, args }: { badges: readonly QueueBadge[]; args: QueueRow['arguments'] }) {
  return (
    <span className="badges">
      {[...badges].sort((a, b) => Number(BADGES[a].tone === 'flag') - Number(BADGES[b].tone === 'flag')).map((badge) => {
        const tooltip = badgeTooltip(badge, args);
        return (
          <span key={badge} className={`badge badge--${BADGES[badge].tone}`} title={tooltip} aria-label={tooltip}>
            {badge}
          </span>
        );
      })}
    </span>
  );
}
