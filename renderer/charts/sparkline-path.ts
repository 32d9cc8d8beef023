/**
 * An SVG path through the points, scaled to width × height (0 at the
 * bottom, the series' max at the top). A null ends the current segment, so
 * a gap stays a gap: 'M' starts again after it.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const max = Math.max(1, ...values.filter((v): v is number => v !== null));
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 1 - (v / max) * (height - 2)).toFixed(1);
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return path;
}
