// Two small charts drawn as inline SVG (docs/adr/0008-charts.md: smaller than any charting library we
// measured and as accessible): horizontal bars of a rate per unit, and a line of a rate over periods.
// The SVG is the picture; the same figures are in the table it names with aria-describedby.
const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export const percentText = (rate: number | null, vi: boolean) => (rate === null ? '—' : `${String(Math.round(rate * 1000) / 10).replace('.', vi ? ',' : '.')}%`);

type ChartOptions = { title: string; describedBy: string; vi: boolean };

/** One bar per unit, 0–100 %; a unit without a value shows "—" and no bar. */
export function rateBars(items: { label: string; rate: number | null }[], o: ChartOptions): SVGSVGElement {
  const row = 26;
  const labelWidth = 220;
  const plot = 360;
  const width = labelWidth + plot + 70;
  const height = Math.max(items.length, 1) * row + 24;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': o.title, 'aria-describedby': o.describedBy, class: 'chart' });
  for (const tick of [0, 0.5, 1]) {
    const x = labelWidth + tick * plot;
    svg.append(el('line', { x1: x, x2: x, y1: 0, y2: height - 18, class: 'grid' }), el('text', { x, y: height - 4, 'text-anchor': 'middle', class: 'tick' }, `${tick * 100}%`));
  }
  items.forEach((item, i) => {
    const y = i * row;
    svg.append(el('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'label' }, item.label.length > 32 ? `${item.label.slice(0, 31)}…` : item.label));
    if (item.rate !== null) svg.append(el('rect', { x: labelWidth, y: y + 5, width: Math.max(item.rate * plot, 1), height: row - 10, class: 'bar' }));
    svg.append(el('text', { x: labelWidth + (item.rate ?? 0) * plot + 6, y: y + 17, class: 'value' }, percentText(item.rate, o.vi)));
  });
  return svg;
}

/** A line through the periods' rates (gaps where a period has none), with a dot and value at each point. */
export function rateLine(points: { label: string; rate: number | null }[], o: ChartOptions): SVGSVGElement {
  const left = 44;
  const top = 16;
  const plot = 150;
  const step = 72;
  const width = left + Math.max(points.length, 1) * step;
  const height = top + plot + 40;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': o.title, 'aria-describedby': o.describedBy, class: 'chart' });
  for (const tick of [0, 0.5, 1]) {
    const y = top + plot - tick * plot;
    svg.append(el('line', { x1: left, x2: width, y1: y, y2: y, class: 'grid' }), el('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, `${tick * 100}%`));
  }
  const segments: string[][] = [[]];
  points.forEach((p, i) => {
    const x = left + i * step + step / 2;
    svg.append(el('text', { x, y: top + plot + 20, 'text-anchor': 'middle', class: 'label' }, p.label));
    if (p.rate === null) {
      segments.push([]);
      return;
    }
    const y = top + plot - p.rate * plot;
    segments.at(-1)!.push(`${x},${y}`);
    svg.append(el('circle', { cx: x, cy: y, r: 4, class: 'dot' }), el('text', { x, y: y - 8, 'text-anchor': 'middle', class: 'value' }, percentText(p.rate, o.vi)));
  });
  const d = segments.filter((s) => s.length > 0).map((s) => `M${s.join(' L')}`).join(' ');
  if (d) svg.prepend(el('path', { d, class: 'line' }));
  return svg;
}
