import { useEffect, useState } from 'react';
import { onThemeChange } from '../theme/theme-change.js';
import { readChartTheme, type ChartTheme } from './chart-theme.js';

/** The chart colours of the current theme, read again when the system or the page's choice switches light/dark. */
export function useChartTheme(): ChartTheme {
  const [theme, setTheme] = useState(readChartTheme);
  useEffect(() => onThemeChange(() => setTheme(readChartTheme())), []);
  return theme;
}
