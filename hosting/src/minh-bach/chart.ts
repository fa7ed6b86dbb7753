// A small bar chart drawn as inline SVG (no chart library). The SVG is a picture for sighted readers;
// every figure it shows is also in a <table> next to it, which is what screen readers read.
import { lang } from '../shared/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

export type Bar = { label: string; value: number | null };

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Vertical bars of percentages (0–100), one per label; a null value has no bar and shows "—".
 * `describedBy` names the table that carries the same figures.
 */
export function percentBarChart(bars: Bar[], opts: { title: string; describedBy: string; noValue: string }): SVGSVGElement {
  // Sized so that six months fit a 328 px phone box at scale 1: text drawn at 14 units then renders at
  // 14 px there, and at no less than 12 px down to a 280 px box (page.css keeps the chart from growing
  // past 1.5×). The viewBox scales it, so a narrower box shrinks the text with it.
  const slot = 46;
  const top = 24;
  const plot = 150;
  const left = 40;
  const width = left + Math.max(bars.length, 1) * slot + 4;
  const height = top + plot + 36;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-label': opts.title,
    'aria-describedby': opts.describedBy,
    class: 'bar-chart',
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.style.maxWidth = `${width * 1.5}px`;
  for (const tick of [0, 50, 100]) {
    const y = top + plot - (tick / 100) * plot;
    svg.append(el('line', { x1: left, x2: width - 4, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, `${tick}%`));
  }
  bars.forEach((bar, i) => {
    const x = left + i * slot + 10;
    const barWidth = slot - 20;
    if (bar.value !== null) {
      const h = Math.max((Math.min(Math.max(bar.value, 0), 100) / 100) * plot, 1);
      svg.append(el('rect', { x, y: top + plot - h, width: barWidth, height: h, class: 'bar', 'data-value': bar.value }));
    }
    svg.append(
      el('text', { x: x + barWidth / 2, y: top + plot - (bar.value === null ? 0 : (bar.value / 100) * plot) - 6, 'text-anchor': 'middle', class: 'value' }, bar.value === null ? opts.noValue : `${formatPercent(bar.value)}`),
    );
    svg.append(el('text', { x: x + barWidth / 2, y: top + plot + 22, 'text-anchor': 'middle', class: 'label' }, bar.label));
  });
  return svg;
}

/** 87.5 → "87,5%" in Vietnamese (decimal comma), "87.5%" in English; 100 → "100%". */
export function formatPercent(value: number): string {
  const rounded = String(Math.round(value * 10) / 10);
  return `${lang() === 'vi' ? rounded.replace('.', ',') : rounded}%`;
}
