// Draws one backtest (the BacktestPage JSON: { backtest: the --json output, charts: series computed on the server })
// into a container. The dashboard's Backtest page and the self-contained --report file both call renderBacktest, so
// they show the same charts and tables from the same code; the report inlines this module (EsModuleInliner).
import uPlot from '../vendor/uPlot.esm.js';
import { el } from './dom.js';
import { money, signedMoney, percent, signedPercent, fixed, price, tone } from './format.js';
import { css, dayOf, utcDates, responsive, axis, xAxis, xScale, paddedRange } from './charts.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Statistics that cannot be computed are written as strings ("NaN", "Infinity") by the server.
const num = (v) => (v == null ? null : Number(v));
const pct = (fraction, digits = 2) => signedPercent(num(fraction) * 100, digits);

const panel = (title, cls, ...children) => el('section', { class: `panel ${cls}` }, el('h2', {}, title), ...children);
const kpi = (label, value, cls = '') => el('div', { class: 'kpi' }, el('dt', {}, label), el('dd', { class: cls }, value));
const cell = (text, cls) => el('td', { class: cls }, text);
const headRow = (...names) => el('thead', {}, el('tr', {}, ...names.map((n) => el('th', { class: n.startsWith('#') ? 'num' : undefined }, n.replace(/^#/, '')))));

function keyFigures(b, c) {
  const s = b.stats;
  const last = c.points.at(-1);
  const holdReturn = last ? last.buy_hold / b.run.starting_equity - 1 : 0;
  const holdDrawdown = Math.min(0, ...c.points.map((p) => p.buy_hold_drawdown));
  const d = s.max_drawdown;
  return el('dl', { id: 'backtest-kpis' },
    kpi('Ending equity', money(num(s.ending_equity))),
    kpi('Total return', pct(s.total_return), tone(num(s.total_return))),
    kpi('Buy and hold', pct(holdReturn), tone(holdReturn)),
    kpi('CAGR', pct(s.cagr)),
    kpi('Volatility', percent(num(s.annual_volatility) * 100, 2)),
    kpi('Sharpe / Sortino', `${fixed(num(s.sharpe), 2)} / ${fixed(num(s.sortino), 2)}`),
    kpi('Max drawdown', pct(d.depth), num(d.depth) < 0 ? 'loss' : ''),
    kpi('Buy-and-hold drawdown', pct(holdDrawdown), holdDrawdown < 0 ? 'loss' : ''),
    kpi('Trades (won)', `${s.trades} (${percent(num(s.win_rate), 1)})`),
    kpi('Profit factor', fixed(num(s.profit_factor), 2)),
    kpi('Trading P&L', signedMoney(num(s.total_pnl)), tone(num(s.total_pnl))),
    kpi('T-bill interest', money(num(s.interest_earned))));
}

function runFacts(b) {
  const r = b.run;
  const d = b.stats.max_drawdown;
  const facts = [
    `${r.sessions} sessions, ${r.from} to ${r.to} (real chain ${r.real_chain_sessions}, synthetic ${r.synthetic_chain_sessions}); profile ${r.profile}, ${r.underlying}, starting equity ${money(num(r.starting_equity))}`,
    `${r.proposals} proposals (${r.approved} approved, ${r.rejected} rejected); ${r.breaker_resets} breaker resets; ${r.settlement_errors} settlement errors; ${r.open_at_end} open at the end`,
    `trading ${r.trading_state_at_end} at the end${r.trading_state_reason ? ` since ${String(r.trading_state_changed_at).slice(0, 10)}: ${r.trading_state_reason}` : ''}`,
    `max drawdown ${pct(d.depth)} from ${d.peak ?? '—'} to ${d.trough ?? '—'}${d.recovery ? `, recovered ${d.recovery}` : ', not recovered'}`,
  ];
  return el('ul', { class: 'facts' }, ...facts.map((f) => el('li', {}, f)));
}

function equityCharts(equityBox, drawdownBox, points) {
  const sync = uPlot.sync('backtest').key;
  const x = points.map((p) => dayOf(p.date));
  const moneyAxis = axis((v) => money(v).replace('.00', ''), 90);
  responsive(equityBox, {
    height: 260, tzDate: utcDates, cursor: { sync: { key: sync } }, legend: { show: true },
    scales: { x: xScale, y: { range: (u, min, max) => paddedRange(min, max) } },
    axes: [xAxis(), moneyAxis],
    series: [{},
      { label: 'Strategy', stroke: css('--accent'), width: 2, value: (u, v) => money(v) },
      { label: 'Buy and hold', stroke: css('--muted'), width: 1.5, dash: [6, 4], points: { show: false }, value: (u, v) => money(v) }],
  }, [x, points.map((p) => p.equity), points.map((p) => p.buy_hold)]);
  responsive(drawdownBox, {
    height: 140, tzDate: utcDates, cursor: { sync: { key: sync } }, legend: { show: true },
    scales: { x: xScale, y: { range: (u, min) => [Math.min(min, -1), 0] } },
    axes: [xAxis(), axis((v) => `${v.toFixed(1)}%`, 90)],
    series: [{},
      { label: 'Strategy drawdown', stroke: css('--loss'), width: 1.5, fill: css('--loss-fill'), value: (u, v) => percent(v, 2) },
      { label: 'Buy-and-hold drawdown', stroke: css('--muted'), width: 1, dash: [6, 4], points: { show: false }, value: (u, v) => percent(v, 2) }],
  }, [x, points.map((p) => p.drawdown * 100), points.map((p) => p.buy_hold_drawdown * 100)]);
}

/** Years × months, then the year; each cell shaded by its return against the largest monthly move of the run. */
function monthlyHeatmap(months, years) {
  const scale = Math.max(1e-9, ...months.map((m) => Math.abs(m.return)));
  const shade = (td, value, full) => {
    const strength = Math.round(Math.min(1, Math.abs(value) / full) * 60);
    td.style.backgroundColor = `color-mix(in srgb, ${css(value >= 0 ? '--gain' : '--loss')} ${strength}%, transparent)`;
    return td;
  };
  const byYear = new Map(years.map((y) => [y.year, { year: y.return, months: new Map() }]));
  for (const m of months) byYear.get(m.year).months.set(m.month, m.return);
  const yearScale = Math.max(1e-9, ...years.map((y) => Math.abs(y.return)));
  const rows = [...byYear.entries()].map(([year, row]) => el('tr', {}, el('th', {}, String(year)),
    ...MONTHS.map((_, i) => (row.months.has(i + 1) ? shade(cell(pct(row.months.get(i + 1)), 'num'), row.months.get(i + 1), scale) : cell('', 'num'))),
    shade(cell(pct(row.year), 'num strong'), row.year, yearScale)));
  return el('div', { class: 'table-wrap' }, el('table', { id: 'backtest-months', class: 'heatmap' }, headRow('Year', ...MONTHS.map((m) => `#${m}`), '#Year'), el('tbody', {}, ...rows)));
}

/** Trades per P&L bin; losing bins red, the rest green (bin edges fall on 0, so none holds both). */
function pnlHistogram(box, bins) {
  const bars = uPlot.paths.bars({ size: [0.9, 80], align: 0 });
  const mid = bins.map((b) => (b.from + b.to) / 2);
  const width = bins.length ? bins[0].to - bins[0].from : 1;
  responsive(box, {
    height: 220, legend: { show: true },
    scales: { x: { time: false, range: (u, min, max) => [min - width / 2, max + width / 2] } },
    axes: [{ ...axis((v) => money(v).replace('.00', ''), 40), space: 70 }, axis((v) => String(v), 50)],
    series: [{ label: 'P&L', value: (u, v) => (v == null ? '—' : `${money(v - width / 2)} to ${money(v + width / 2)}`) },
      { label: 'Winning trades', stroke: css('--gain'), fill: css('--gain'), paths: bars, points: { show: false } },
      { label: 'Losing trades', stroke: css('--loss'), fill: css('--loss'), paths: bars, points: { show: false } }],
  }, [mid, bins.map((b) => (b.from >= 0 ? b.trades : null)), bins.map((b) => (b.from < 0 ? b.trades : null))]);
  if (bins.length === 0) box.dataset.empty = 'No trades.';
}

function exitsByReason(stats) {
  const entries = Object.entries(stats.trades_by_exit_reason);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return el('table', { id: 'backtest-exits' }, headRow('Exit reason', '#Trades', '#Share'),
    el('tbody', {}, ...entries.map(([reason, n]) => el('tr', {}, cell(reason), cell(String(n), 'num'), cell(percent((n / total) * 100, 1), 'num')))));
}

function tradeList(trades) {
  const strikes = (t) => [t.short_strike, t.long_strike].filter((k) => k != null).map(price).join(' / ') || '—';
  const rows = trades.map((t) => el('tr', {},
    cell(t.entry_date), cell(t.exit_date), cell(t.strategy), cell(t.expiration ?? '—'), cell(strikes(t), 'num'), cell(String(t.quantity), 'num'),
    cell(price(t.credit), 'num'), cell(price(t.exit_price), 'num'), cell(t.reason), cell(money(t.fees), 'num'),
    cell(signedMoney(t.pnl), `num pnl ${tone(t.pnl)}`), cell(String(t.days_held), 'num')));
  return el('div', { class: 'table-wrap' }, el('table', { id: 'backtest-trades' },
    headRow('Entry', 'Exit', 'Strategy', 'Expiration', '#Strikes', '#Qty', '#Credit', '#Exit price', 'Reason', '#Fees', '#P&L', '#Days'),
    el('tbody', {}, ...(rows.length ? rows : [el('tr', {}, el('td', { class: 'empty', colspan: 12 }, 'No trades.'))]))));
}

/** Replaces the container's content with the run's report. */
export function renderBacktest(container, page) {
  const { backtest: b, charts: c } = page;
  const equityBox = el('div', { id: 'backtest-equity', class: 'chart' });
  const drawdownBox = el('div', { id: 'backtest-drawdown', class: 'chart' });
  const histogramBox = el('div', { id: 'backtest-histogram', class: 'chart' });
  container.replaceChildren(
    panel('Key figures', 'kpis span-3', keyFigures(b, c), runFacts(b)),
    panel('Equity and drawdown against buying and holding the underlying (price only, dividends ignored)', 'span-3', equityBox, drawdownBox),
    panel('Monthly returns', 'span-3', monthlyHeatmap(c.months, c.years)),
    panel('Trade P&L distribution', 'span-2', histogramBox),
    panel('Exits by reason', '', exitsByReason(b.stats)),
    panel(`Trades (${b.trades.length})`, 'span-3', tradeList(b.trades)),
    panel('Assumptions', 'span-3', el('ul', { id: 'backtest-assumptions', class: 'facts' }, ...b.assumptions.map((a) => el('li', {}, a)))));
  // Charts measure their container, so they are drawn once it is in the page.
  equityCharts(equityBox, drawdownBox, c.points);
  pnlHistogram(histogramBox, c.pnl_histogram);
  container.dataset.rendered = 'true';
}
