import { THEME_LABELS, ThemeChoice } from './theme-choice.js';
import type { ThemeStore } from './theme-store.js';
import { useThemeChoice } from './useThemeChoice.js';

const TITLES: Record<ThemeChoice, string> = {
  system: 'Follow the system’s light or dark setting',
  light: 'Always light',
  dark: 'Always dark',
};

/** System / Light / Dark in the top bar; the desktop menu's View › Theme does the same. */
export function ThemeToggle({ store }: { store?: ThemeStore }) {
  const [choice, choose] = useThemeChoice(store);
  return (
    <div className="theme-toggle" role="group" aria-label="Theme">
      {ThemeChoice.options.map((option) => (
        <button
          key={option}
          type="button"
          className={`button button--small${choice === option ? ' is-active' : ''}`}
          aria-pressed={choice === option}
          title={TITLES[option]}
          onClick={() => choose(option)}
        >
          {THEME_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
