import type { ReactNode } from 'react';
import { ThemeToggle } from '../theme/ThemeToggle.js';
import { SessionIndicator } from './SessionIndicator.js';
import { VhostSelect } from './VhostSelect.js';

export function TopBar({ title, showVhost }: { title: ReactNode; showVhost: boolean }) {
  return (
    <header className="topbar">
      <h1 className="topbar__title">{title}</h1>
      {showVhost ? <VhostSelect /> : null}
      <div className="topbar__spacer" />
      <SessionIndicator />
      <ThemeToggle />
    </header>
  );
}
