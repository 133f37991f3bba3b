// The charts, drawn by Chart.js on canvas (only the parts used are registered, to keep the bundle small). Chart.js
// sizes its canvas through the CSSOM, which the page's style-src 'self' allows; it injects no style element. Every
// chart has its text alternative beside it (the tier list, the history table): the canvas is a labelled image.
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

const charts = new WeakMap();
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function replace(canvas, config) {
  if (!canvas) return; // the screen was left meanwhile
  charts.get(canvas)?.destroy();
  charts.set(canvas, new Chart(canvas, config));
}

/**
 * The tier pyramid: one centred bar per tier (Ally at the top), its width the number of contacts in it. tiers:
 * [{ label, count, color }] from the top down.
 */
export function drawPyramid(canvas, tiers) {
  const fg = css('--fg');
  const max = Math.max(1, ...tiers.map((t) => t.count));
  replace(canvas, {
    type: 'bar',
    data: {
      labels: tiers.map((t) => `${t.label}: ${t.count}`),
      datasets: [{
        data: tiers.map((t) => [-Math.max(t.count, max / 200) / 2, Math.max(t.count, max / 200) / 2]),
        backgroundColor: tiers.map((t) => t.color),
        borderColor: fg,
        borderWidth: 1,
        categoryPercentage: 1,
        barPercentage: 0.9,
      }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { display: false, min: -max / 2, max: max / 2 },
        y: { grid: { display: false }, border: { display: false }, ticks: { color: fg, font: { size: 14 } } },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => `${tiers[c.dataIndex].count} contacts` } },
      },
    },
  });
}

// The tier floors as horizontal bands behind the line, each labelled with its tier.
const tierBands = {
  id: 'tierBands',
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea: area, scales: { y } } = chart;
    ctx.save();
    for (const band of options.bands || []) {
      const top = y.getPixelForValue(band.to);
      const bottom = y.getPixelForValue(band.from);
      ctx.globalAlpha = 0.45;
      ctx.fillStyle = band.color;
      ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
      ctx.globalAlpha = 1;
      ctx.fillStyle = options.color;
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillText(band.label, area.left + 4, top + 14);
    }
    ctx.restore();
  },
};

/**
 * Strength over time on 0–100, with the tier floors as bands. points: [{ label, value }]; bands: [{ label, from,
 * to, color }].
 */
export function drawHistory(canvas, points, bands) {
  const fg = css('--fg');
  const line = css('--accent') || fg;
  replace(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [{ label: 'Strength', data: points.map((p) => p.value), borderColor: line, backgroundColor: line, borderWidth: 2, pointRadius: 0, pointHitRadius: 6, tension: 0 }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { min: 0, max: 100, ticks: { color: fg }, grid: { color: css('--line') } },
        x: { ticks: { color: fg, maxTicksLimit: 7, maxRotation: 0 }, grid: { display: false } },
      },
      plugins: { legend: { display: false }, tierBands: { bands, color: fg } },
    },
    plugins: [tierBands],
  });
}
