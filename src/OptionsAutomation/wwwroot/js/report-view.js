// Draws one weekly or monthly report (the JSON of optauto report weekly|monthly --json and /api/report/weekly|monthly)
// into a container: the summary the chat gets, equity against SPY buy-and-hold, exposure at each close, exits by reason.
// The dashboard's Reports page and the self-contained --html file both call renderReport; the file inlines this module.
import { el } from './dom.js';
import { money, signedMoney, signedPercent, fixed, tone } from './format.js';
import { css, dayOf, utcDates, responsive, axis, xAxis, xScale, paddedRange } from './charts.js';

// Statistics that cannot be computed are written as strings ("NaN", "Infinity") by the server.
const num = (v) => (v == null ? null : Number(v));
const pct = (fraction) => signedPercent(num(fraction) * 100, 2);
const panel = (title, cls, ...children) => el('section', { class: `panel ${cls}` }, el('h2', {}, title), ...children);
const kpi = (label, value, cls = '') => el('div', { class: 'kpi' }, el('dt', {}, label), el('dd', { class: cls }, value));
const cell = (text, cls) => el('td', { class: cls }, text);
const head = (...names) => el('thead', {}, el('tr', {}, ...names.map((n) => el('th', {}, n))));

/** The opening equity at the close before the period, then each day; buy-and-hold's days beside (null where it has none). */
function equityPoints(r) {
  const hold = new Map((r.benchmark?.days ?? []).map((d) => [d.date, d.equity]));
  const opening = r.benchmark?.entry_date ?? null;
  const points = r.equity_curve.map((d) => ({ date: d.date, equity: d.equity, hold: hold.get(d.date) ?? null }));
  if (opening) points.unshift({ date: opening, equity: r.opening_equity, hold: r.opening_equity });
  return points;
}

function equityChart(box, r) {
  const points = equityPoints(r);
  responsive(box, {
    height: 260, tzDate: utcDates, legend: { show: true },
    scales: { x: xScale, y: { range: (u, min, max) => paddedRange(min, max) } },
    axes: [xAxis(), axis((v) => money(v).replace('.00', ''), 90)],
    series: [{},
      { label: 'Account', stroke: css('--accent'), width: 2, value: (u, v) => money(v) },
      { label: `${r.benchmark?.symbol ?? 'SPY'} buy and hold`, stroke: css('--muted'), width: 1.5, dash: [6, 4], value: (u, v) => money(v) }],
  }, [points.map((p) => dayOf(p.date)), points.map((p) => p.equity), points.map((p) => p.hold)]);
  box.dataset.points = String(points.length);
}

function keyFigures(r) {
  const s = r.to_date;
  const hold = r.benchmark ? num(r.benchmark.return) : null;
  return el('dl', { id: 'report-kpis' },
    kpi('Return', pct(r.return), tone(num(r.return))),
    kpi('P&L', signedMoney(num(r.pnl)), tone(num(r.pnl))),
    kpi('Max drawdown', pct(r.max_drawdown), num(r.max_drawdown) < 0 ? 'loss' : ''),
    kpi('SPY buy and hold', hold == null ? 'no closes' : pct(hold), tone(hold)),
    kpi('Trades (won)', `${r.trade_statistics.trades} (${r.trade_statistics.wins})`),
    kpi('Sharpe / Sortino to date', `${fixed(num(s.sharpe_ratio), 2)} / ${fixed(num(s.sortino_ratio), 2)}`),
    kpi('Ulcer index to date', pct(s.ulcer_index)),
    kpi('Omega to date', fixed(num(s.omega_ratio), 2)));
}

function exposureTable(days) {
  return el('table', { class: 'table', id: 'report-exposure' }, head('Close', 'Open positions', 'Collateral', 'Max loss'),
    el('tbody', {}, ...days.map((d) => el('tr', {}, cell(d.date), cell(String(d.positions), 'num'), cell(money(num(d.collateral)), 'num'), cell(money(num(d.max_loss)), 'num')))));
}

function exitTable(rows) {
  return el('table', { class: 'table', id: 'report-exits' }, head('Exit reason', 'Trades', 'Won', 'P&L'),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, cell(r.key), cell(String(r.trades), 'num'), cell(String(r.wins), 'num'), cell(signedMoney(num(r.pnl)), `num ${tone(num(r.pnl))}`)))));
}

export function renderReport(container, report) {
  const chart = el('div', { id: 'report-equity', class: 'chart' });
  container.replaceChildren(
    panel(report.summary[0], 'span-3', keyFigures(report), el('ul', { class: 'facts', id: 'report-summary' }, ...report.summary.slice(1).map((l) => el('li', {}, l)))),
    panel('Equity against buying and holding SPY', 'span-3', chart),
    panel('Exposure at each close', 'span-3', exposureTable(report.exposure)),
    panel('Closed trades by exit reason', 'span-3', report.by_exit_reason.length ? exitTable(report.by_exit_reason) : el('p', { class: 'muted' }, 'No trades closed in the period.')));
  equityChart(chart, report);
  container.dataset.rendered = 'true';
}
