// The published performance page's entry point (optauto publish; inlined with its imports, see PerformanceSiteHtml):
// the headline figures, the equity and drawdown charts and the closed trades, from the JSON embedded in the page.
import { el } from './dom.js';
import { equityCharts } from './charts.js';
import { money, signedMoney, percent, tone } from './format.js';

const data = JSON.parse(document.getElementById('performance-data').textContent);
const $ = (id) => document.getElementById(id);
const kpi = (label, value, cls = '') => el('div', { class: 'kpi' }, el('dt', {}, label), el('dd', { class: cls }, value));

const s = data.statistics;
$('kpis').replaceChildren(
  kpi('Equity (realized)', money(data.equity.closing_equity)),
  kpi('Total P&L', signedMoney(s.total_pnl), tone(s.total_pnl)),
  kpi('Win rate', s.win_rate == null ? '—' : `${percent(s.win_rate, 1)} of ${s.trades}`),
  kpi('Max drawdown', percent(data.equity.max_drawdown * 100, 2), data.equity.max_drawdown < 0 ? 'loss' : ''));
$('card').alt = data.scorecard.text;

equityCharts($('chart-equity'), $('chart-drawdown'))(data.equity);

// Sizes appear only when the publisher was told to show them (Publishing:ShowSizes).
const columns = ['Closed', 'Ticker', 'Strategy', 'Reason', ...(data.shows_sizes ? ['Qty'] : []), 'P&L', 'P&L %'];
$('trades').tHead.replaceChildren(el('tr', {}, ...columns.map((c) => el('th', {}, c))));
$('trades').tBodies[0].replaceChildren(...[...data.trades].reverse().map((t) => el('tr', {},
  el('td', {}, t.closed), el('td', {}, t.ticker), el('td', {}, t.strategy), el('td', {}, t.exit_reason),
  ...(data.shows_sizes ? [el('td', { class: 'num' }, String(t.quantity))] : []),
  el('td', { class: `num ${tone(t.pnl)}` }, signedMoney(t.pnl)), el('td', { class: 'num' }, percent(t.pnl_percent, 1)))));
document.body.dataset.loaded = 'true';
