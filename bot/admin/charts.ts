import { escapeMarkup } from "./escape.ts";
/**
 * Bar charts drawn on the server as SVG (no chart library, nothing loaded from outside): the console
 * shows them as images. Every label is escaped; the chart carries a title and a description for screen readers.
 */

export type Series = { name: string; values: number[]; color: string };


const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 40, right: 16, bottom: 56, left: 44 };

/** Grouped bars: one group per label, one bar per series; a legend on top and a few gridlines. */
export function barChart(input: { title: string; labels: string[]; series: Series[]; description: string }): string {
  const { labels, series } = input;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const groupW = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  for (let v = 0; v <= top; v += step) {
    parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e5e8"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#5b6270">${v}</text>`);
  }
  labels.forEach((label, i) => {
    const x0 = MARGIN.left + i * groupW + groupW * 0.1;
    series.forEach((s, k) => {
      const value = s.values[i] ?? 0;
      parts.push(`<rect x="${(x0 + k * barW).toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(MARGIN.top + plotH - y(value)).toFixed(1)}" fill="${s.color}"><title>${escapeMarkup(`${label}: ${s.name} ${value}`)}</title></rect>`);
    });
    // Every label when there is room, else every few.
    const every = Math.ceil(labels.length / 10);
    if (i % every === 0) parts.push(`<text x="${(x0 + (barW * series.length) / 2).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" font-size="11" fill="#5b6270">${escapeMarkup(label)}</text>`);
  });
  series.forEach((s, k) => {
    parts.push(`<rect x="${MARGIN.left + k * 160}" y="14" width="12" height="12" fill="${s.color}"/><text x="${MARGIN.left + k * 160 + 18}" y="24" font-size="12" fill="#1d1f23">${escapeMarkup(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif">
<title id="t">${escapeMarkup(input.title)}</title><desc id="d">${escapeMarkup(input.description)}</desc>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>
${parts.join("\n")}
</svg>`;
}

/** 1, 2, 5, 10, 20, 50 … so that about five gridlines cover the largest value. */
function niceStep(max: number): number {
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
}
