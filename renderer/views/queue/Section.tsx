import type { ReactNode } from 'react';

/** A titled block of the queue page; `aside` sits at the right of the title (a count, a link); `wide` spans both columns. */
export function Section({ title, aside, wide = false, children }: { title: string; aside?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`panel queue-page__section${wide ? ' queue-page__wide' : ''}`} aria-label={title}>
      <h2 className="panel__title">
        {title}
        {aside ? <span className="queue-page__aside">{aside}</span> : null}
      </h2>
      {children}
    </section>
  );
}
