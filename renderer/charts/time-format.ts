const two = (n: number): string => String(n).padStart(2, '0');

/** Axis ticks: seconds on a few-minute span, minutes up to a day, the date beyond. */
export function tickFormatter(spanMs: number): (t: number) => string {
  return (t) => {
    const d = new Date(t);
    if (spanMs <= 15 * 60_000) return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
    if (spanMs <= 26 * 60 * 60_000) return `${two(d.getHours())}:${two(d.getMinutes())}`;
    return `${d.getMonth() + 1}/${d.getDate()} ${two(d.getHours())}:${two(d.getMinutes())}`;
  };
}

/** The hovered instant, exact to the second, as the tooltip heads it. */
export function formatInstant(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
