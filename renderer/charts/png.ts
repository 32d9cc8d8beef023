import { svgToPng } from '../views/topology/download.js';

/**
 * The chart as drawn, as a PNG: its SVG serialized with a background and the
 * UI font (the page's stylesheet does not travel with it; recharts already
 * wrote the theme's colours into the attributes), then drawn on a canvas.
 */
export type PngCaption = { title: string; text: string; legend: readonly { label: string; color: string }[] };

export async function chartPng(svg: SVGSVGElement, background: string, caption: PngCaption): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const TITLE = 24;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('y', String(TITLE));
  const wrapper = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  wrapper.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  wrapper.setAttribute('width', String(width));
  wrapper.setAttribute('height', String(height + TITLE));
  wrapper.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'system-ui, sans-serif');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  const heading = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '17');
  heading.setAttribute('font-size', '13');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', caption.text);
  heading.textContent = caption.title;
  // The legend after the title, each label in its series' colour: the PNG has no page around it to explain the lines.
  for (const item of caption.legend) {
    const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    span.setAttribute('dx', '14');
    span.setAttribute('fill', item.color);
    span.textContent = `■ ${item.label}`;
    heading.append(span);
  }
  wrapper.append(rect, heading, clone);
  return svgToPng(new XMLSerializer().serializeToString(wrapper), width, height + TITLE);
}
