/** The colours a chart draws with, resolved from the CSS tokens: recharts and the PNG export need plain values. */
export type ChartTheme = {
  ready: string;
  unacked: string;
  publish: string;
  deliver: string;
  ack: string;
  redeliver: string;
  consumers: string;
  grid: string;
  marker: string;
  text: string;
  muted: string;
  surface: string;
  border: string;
};

const TOKENS: Record<keyof ChartTheme, string> = {
  ready: '--chart-ready',
  unacked: '--chart-unacked',
  publish: '--chart-publish',
  deliver: '--chart-deliver',
  ack: '--chart-ack',
  redeliver: '--chart-redeliver',
  consumers: '--chart-consumers',
  grid: '--chart-grid',
  marker: '--chart-marker',
  text: '--text',
  muted: '--muted',
  surface: '--surface',
  border: '--border',
};

/** Used where the stylesheet is not loaded (unit tests): the light theme's values. */
const FALLBACK: ChartTheme = {
  ready: '#4c5fd5',
  unacked: '#e08a00',
  publish: '#1f9d55',
  deliver: '#4c5fd5',
  ack: '#8a4fd1',
  redeliver: '#d0383e',
  consumers: '#0f8b8d',
  grid: '#ececef',
  marker: '#a5a6ae',
  text: '#1b1b1f',
  muted: '#74757e',
  surface: '#ffffff',
  border: '#e3e3e6',
};

export function readChartTheme(root: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(root);
  const theme = { ...FALLBACK };
  for (const [key, token] of Object.entries(TOKENS) as [keyof ChartTheme, string][]) {
    const value = style.getPropertyValue(token).trim();
    if (value !== '') theme[key] = value;
  }
  return theme;
}
