// Equity, drawdown and daily P&L charts (uPlot, vendored at build time). Charts are created once and then
// fed new data with setData, so a refresh redraws in place instead of rebuilding the DOM.
import uPlot from '../vendor/uPlot.esm.js';
import { money, signedMoney, percent, serverToday } from './format.js';

export const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
export const dayOf = (isoDate) => Date.parse(`${isoDate}T00:00:00Z`) / 1000;
const syncKey = uPlot.sync('equity');
export const utcDates = (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');

/**
 * Writes the scales as drawn onto the container (data-x-from/-to as dates, data-y-from/-to as numbers): what a reader
 * sees on the axes, readable by the browser tests.
 */
const showScale = (u, key) => {
  const { min, max } = u.scales[key];
  if (min == null || max == null) return;
  const value = (v) => (key === 'x' ? new Date(v * 1e3).toISOString().slice(0, 10) : String(Math.round(v * 100) / 100));
  Object.assign(u.root.parentElement.dataset, { [`${key}From`]: value(min), [`${key}To`]: value(max) });
};

/** A chart that follows its container's width. */
export function responsive(container, options, data) {
  const hooks = { ...options.hooks, setScale: [showScale] };
  const chart = new uPlot({ ...options, hooks, width: Math.max(container.clientWidth, 200) }, data, container);
  new ResizeObserver(() => chart.setSize({ width: Math.max(container.clientWidth, 200), height: options.height })).observe(container);
  return chart;
}

/** An axis in the page's colours; format (for y axes) labels each tick, dates on x are uPlot's own. */
export const axis = (format, size = 70) => ({
  stroke: css('--muted'),
  grid: { stroke: css('--grid'), width: 1 },
  ticks: { stroke: css('--grid'), width: 1 },
  size,
  font: `11px ${css('--font')}`,
  ...(format && { values: (u, values) => values.map(format) }),
});
const DAY = 86_400;
const dayLabel = uPlot.fmtDate('{MMM} {D}');
const dayYearLabel = uPlot.fmtDate('{MMM} {D}, {YYYY}');
const monthLabel = uPlot.fmtDate('{MMM}');
const yearLabel = uPlot.fmtDate('{YYYY}');
const yearOf = (t) => utcDates(t).getFullYear();
// The points are New York dates, so ticks fall on whole days (weeks, months, years) and are labelled without a time;
// the first tick and the first of each new year carry the year, so a reader always knows which one it is.
export const xAxis = () => ({
  ...axis(undefined, 40),
  space: 80,
  incrs: [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY],
  values: (u, ticks, axisIdx, space, incr) => ticks.map((t, i) => {
    const date = utcDates(t);
    if (incr >= 365 * DAY) return yearLabel(date);
    const newYear = i === 0 || yearOf(ticks[i - 1]) !== yearOf(t);
    if (incr >= 30 * DAY) return newYear ? `${monthLabel(date)} ${yearLabel(date)}` : monthLabel(date);
    return (newYear ? dayYearLabel : dayLabel)(date);
  }),
});
// The data's own dates, widened to at least a week (one day of history is not drawn on an axis of years) and by
// half a day either side, so the first and last bars are not cut in half by the plot's edge.
const MIN_DAYS = 7;
export const timeRange = (min, max) => {
  if (min == null || max == null) {
    const today = dayOf(serverToday());
    return [today - MIN_DAYS * DAY, today + DAY / 2];
  }
  const widen = Math.max(0, MIN_DAYS * DAY - (max - min)) / 2;
  return [min - widen - DAY / 2, max + widen + DAY / 2];
};
// With a single point uPlot offers a span of 86400 / 1e-3 seconds (its day in ms, read as seconds: almost three
// years), so one point is ranged from the data itself.
export const xScale = {
  time: true,
  range: (u, min, max) => (u.data[0].length === 1 ? timeRange(u.data[0][0], u.data[0][0]) : timeRange(min, max)),
};

/** An empty chart says why instead of showing bare axes (the stylesheet shows data-empty over it). */
export const emptyNote = (box, empty, text) => {
  if (empty) box.dataset.empty = text; else delete box.dataset.empty;
};
/**
 * A y range around the data, not from zero: a tenth of the spread either side, at least half a percent of the level
 * (a flat $100,000 reads 99,500–100,500, not $0–$200k).
 */
export const paddedRange = (min, max) => {
  if (min == null || max == null) return [0, 1];
  const pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.005, 1);
  return [min - pad, max + pad];
};

/**
 * The equity curve's points as drawn: the opening equity (the close before the first day) first, so even one day of
 * history is a line from where the account started.
 */
export function equitySeries(curve) {
  const points = curve.points.map((p) => ({ date: p.date, equity: p.equity, drawdown: p.drawdown }));
  if (curve.opening_date && (points.length === 0 || curve.opening_date < points[0].date)) {
    points.unshift({ date: curve.opening_date, equity: curve.opening_equity, drawdown: 0 });
  }
  return points;
}

export function equityCharts(equityBox, drawdownBox) {
  const equity = responsive(equityBox, {
    height: 220,
    tzDate: utcDates,
    cursor: { sync: { key: syncKey.key } },
    legend: { show: true },
    scales: { x: xScale, y: { range: (u, min, max) => paddedRange(min, max) } },
    axes: [xAxis(), axis((v) => money(v).replace('.00', ''), 90)],
    series: [{}, { label: 'Equity', stroke: css('--accent'), width: 2, fill: css('--accent-fill'), value: (u, v) => money(v) }],
  }, [[], []]);
  const drawdown = responsive(drawdownBox, {
    height: 120,
    tzDate: utcDates,
    cursor: { sync: { key: syncKey.key } },
    legend: { show: true },
    scales: { x: xScale, y: { range: (u, min) => [Math.min(min, -1), 0] } },
    axes: [xAxis(), axis((v) => `${v.toFixed(1)}%`, 90)],
    series: [{}, { label: 'Drawdown', stroke: css('--loss'), width: 1.5, fill: css('--loss-fill'), value: (u, v) => percent(v, 2) }],
  }, [[], []]);

  // /api/equity: the server computes each day's drawdown (a fraction below the running peak, which starts at the
  // opening equity), so the chart and the reports agree.
  return (curve) => {
    const points = equitySeries(curve);
    emptyNote(equityBox, points.length === 0, 'No history yet: the curve starts with the first closed trade.');
    const x = points.map((p) => dayOf(p.date));
    equity.setData([x, points.map((p) => p.equity)]);
    drawdown.setData([x, points.map((p) => p.drawdown * 100)]);
  };
}

/** Daily P&L summed over tickers per New York close date, oldest first. */
export function dailyTotals(rows) {
  const byDate = new Map();
  for (const row of rows) byDate.set(row.trade_date, (byDate.get(row.trade_date) ?? 0) + row.total_pnl);
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, pnl]) => ({ date, pnl: Math.round(pnl * 100) / 100 }));
}

export function dailyPnlChart(box) {
  // Gains and losses are two bar series so each gets its own colour.
  const bars = uPlot.paths.bars({ size: [0.7, 36], align: 0 });
  const chart = responsive(box, {
    height: 240,
    tzDate: utcDates,
    legend: { show: true },
    scales: { x: xScale },
    axes: [xAxis(), axis((v) => money(v).replace('.00', ''), 80)],
    series: [
      {},
      { label: 'Gain', stroke: css('--gain'), fill: css('--gain'), paths: bars, points: { show: false }, value: (u, v) => signedMoney(v) },
      { label: 'Loss', stroke: css('--loss'), fill: css('--loss'), paths: bars, points: { show: false }, value: (u, v) => signedMoney(v) },
    ],
  }, [[], [], []]);

  return (rows) => {
    const days = dailyTotals(rows);
    emptyNote(box, days.length === 0, 'No closed trades yet.');
    chart.setData([
      days.map((d) => dayOf(d.date)),
      days.map((d) => (d.pnl >= 0 ? d.pnl : null)),
      days.map((d) => (d.pnl < 0 ? d.pnl : null)),
    ]);
  };
}
