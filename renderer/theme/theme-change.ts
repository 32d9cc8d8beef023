/**
 * Calls `listener` whenever the colours shown may have changed: the system
 * switched light/dark, or the page forced a theme (data-theme on the root).
 * For what reads the CSS tokens into plain values (charts, canvases) and so
 * does not follow the stylesheet by itself.
 */
export function onThemeChange(listener: () => void, root: HTMLElement = document.documentElement): () => void {
  const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
  scheme?.addEventListener('change', listener);
  const observer = new MutationObserver(listener);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    scheme?.removeEventListener('change', listener);
    observer.disconnect();
  };
}
