// The dashboard's comparison page: GET /api/compare for a date range, one split at a time drawn as two bar charts
// (total P&L and win rate per group, uPlot's bars) and a table of every figure. The server computes and rounds; the
// page only draws.
import uPlot from '../vendor/uPlot.esm.js';
import { getJson } from './api.js';
import { el, panelState } from './dom.js';
import { axis, css, responsive } from './charts.js';
import { money, signedMoney, percent, fixed, tone } from './format.js';

const $ = (id) => document.getElementById(id);
const charts = {};

/** A bar per group; x is the group's index, labelled with its key. */
function bars(container, keys, values, label, format, colour) {
  const data = [keys.map((_, i) => i), values];
  if (charts[container.id]) {
    charts[container.id].keys = keys;
    charts[container.id].chart.setData(data);
    return;
  }

  const holder = { keys };
  holder.chart = responsive(container, {
    height: 220,
    scales: { x: { time: false, range: (u, min, max) => [min - 0.5, max + 0.5] } },
    axes: [
      { ...axis(undefined, 40), values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? holder.keys[t] ?? '' : '')), splits: () => holder.keys.map((_, i) => i) },
      axis(format),
    ],
    series: [{}, { label, stroke: colour, fill: colour, paths: uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false } }],
    legend: { show: false },
  }, data);
  charts[container.id] = holder;
}

function table(rows, total) {
  const header = ['Group', 'Trades', 'Win rate', 'Total P&L', 'Avg P&L', 'P&L / day held', 'Return on risk', 'Max drawdown'];
  $('compare-table').tHead.replaceChildren(el('tr', {}, ...header.map((h) => el('th', {}, h))));
  $('compare-table').tBodies[0].replaceChildren(...[...rows, { ...total, key: 'all' }].map((r) => el('tr', {},
    el('th', {}, r.key),
    el('td', { class: 'num' }, String(r.trades)),
    el('td', { class: 'num' }, percent(r.win_rate, 2)),
    el('td', { class: `num ${tone(r.total_pnl)}` }, signedMoney(r.total_pnl)),
    el('td', { class: `num ${tone(r.average_pnl)}` }, signedMoney(r.average_pnl)),
    el('td', { class: `num ${tone(r.pnl_per_day_held)}` }, signedMoney(r.pnl_per_day_held)),
    el('td', { class: 'num' }, r.return_on_risk == null ? '—' : percent(r.return_on_risk * 100, 2)),
    el('td', { class: 'num' }, money(r.max_drawdown)))));
}

async function show(event) {
  event?.preventDefault();
  const query = new URLSearchParams();
  if ($('cmp-from').value) query.set('from', $('cmp-from').value);
  if ($('cmp-to').value) query.set('to', $('cmp-to').value);
  try {
    const comparison = await getJson(`/api/compare?${query}`);
    const rows = comparison[$('cmp-split').value];
    panelState('panel-compare', null);
    $('cmp-status').textContent = `${comparison.total.trades} closed trades`;
    const keys = rows.map((r) => r.key);
    bars($('compare-pnl'), keys, rows.map((r) => r.total_pnl), 'Total P&L', (v) => money(v), css('--accent'));
    bars($('compare-winrate'), keys, rows.map((r) => r.win_rate), 'Win rate', (v) => `${fixed(v, 0)}%`, css('--muted'));
    table(rows, comparison.total);
    $('compare-result').dataset.rendered = 'true';
  } catch (error) {
    panelState('panel-compare', error);
  }
}

$('compare-form').addEventListener('submit', show);
$('cmp-split').addEventListener('change', show);
await show();
document.body.dataset.loaded = 'true';
