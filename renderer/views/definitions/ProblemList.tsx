import type { Problem } from '../../../shared/definitions/problems.js';
import { Icon } from '../../components/Icon.js';

/** Every problem of a file, errors first, each at its JSON path. */
export function ProblemList({ problems, title }: { problems: readonly Problem[]; title: string }) {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="defs-problems" aria-label={title}>
      <h3 className="defs-section-title">
        {errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}: nothing will be applied` : title}
      </h3>
      <ul className="defs-problems__list">
        {sorted.map((p, i) => (
          <li key={`${p.path}-${i}`} className={`defs-problem defs-problem--${p.severity}`}>
            <Icon name={p.severity === 'error' ? 'cross' : 'warning'} size={14} />
            <code className="defs-problem__path">{p.path}</code>
            <span className="defs-problem__message">{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
