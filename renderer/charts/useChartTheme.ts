import { useEffect, useState } from 'react';
import { readChartTheme, type ChartTheme } from './chart-theme.js';

/** The chart colours of the current theme, read again when the system switches light/dark. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return undefined;
    const update = (): void => setTheme(readChartTheme());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return theme;
}
