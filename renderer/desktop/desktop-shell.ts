import { DesktopCommand, type ThemeChoice } from '../../shared/api/desktop.js';

/** What the Electron preload exposes as `window.warrenDesktop`; absent in web mode. */
export interface DesktopShell {
  onCommand(listener: (payload: unknown) => void): () => void;
  /** Asks main for this theme, as the menu's View › Theme does. */
  setTheme(theme: ThemeChoice): void;
}

export function findDesktopShell(scope: object): DesktopShell | null {
  const candidate = (scope as { warrenDesktop?: Partial<DesktopShell> }).warrenDesktop;
  return candidate && typeof candidate.onCommand === 'function' && typeof candidate.setTheme === 'function' ? (candidate as DesktopShell) : null;
}

/** Listens to the shell's commands, passing on only those that match the schema. */
export function onDesktopCommand(shell: DesktopShell, listener: (command: DesktopCommand) => void, onInvalid: (reason: string) => void): () => void {
  return shell.onCommand((payload) => {
    const parsed = DesktopCommand.safeParse(payload);
    if (parsed.success) listener(parsed.data);
    else onInvalid(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('; '));
  });
}
