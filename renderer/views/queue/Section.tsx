import type { ReactNode } from 'react';

/** A titled block of the queue page; `aside` sits at the right of the title (a count, a link). */
export function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel queue-page__section" aria-label={title}>
      <h2 className="panel__title">
        {title}
        {aside ? <span className="queue-page__aside">{aside}</span> : null}
      </h2>
      {children}
    </section>
  );
}
