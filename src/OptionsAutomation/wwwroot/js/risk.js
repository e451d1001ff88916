// Net dollar Greeks and VaR as tiles, and each portfolio limit as a gauge of its usage with the
// server's own state (OK, WARN from Risk:WarnAtPercent, BREACH at 100%).
import { el } from './dom.js';
import { money, signedMoney, fixed, percent, instant } from './format.js';

const tile = (label, value, unit, hint) => el('div', { class: 'tile', title: hint ?? '' },
  el('dt', {}, label), el('dd', {}, value, unit ? el('span', { class: 'unit' }, unit) : null));

export function greekTiles(report) {
  const g = report.greeks;
  const v = report.var;
  const varOf = (estimate) => (estimate ? money(estimate.var) : '—');
  return [
    tile('Delta', signedMoney(g.delta_dollars), '', 'dollar delta: P&L of a 1-point move, summed'),
    tile('Beta-wtd delta', signedMoney(report.exposure.beta_weighted_delta_dollars), '', `against the benchmark; portfolio beta ${fixed(report.portfolio_beta, 2)}`),
    tile('Gamma', signedMoney(g.gamma_dollars), '/1%', 'change of dollar delta per 1% move'),
    tile('Theta', signedMoney(g.theta_dollars), '/day', 'per calendar day'),
    tile('Vega', signedMoney(g.vega_dollars), '/pt', 'per volatility point'),
    tile(`VaR ${percent(v.confidence * 100, 0)} 1d`, varOf(v.historical), '', `historical; parametric ${varOf(v.parametric)}, Monte Carlo ${varOf(v.monte_carlo)}`),
    tile('Exposure', money(report.exposure.total), '', `collateral ${money(report.exposure.collateral)}, max loss ${money(report.exposure.max_loss)}`),
    tile('Equity (marked)', money(report.equity), '', `realized equity plus the open positions' unrealized P&L at their marks, as of ${instant(report.as_of)}`),
  ];
}

const label = (name) => name.replaceAll('_', ' ').replace(/\bvar\b/, 'VaR').replace(/^./, (c) => c.toUpperCase());
const amount = (value, unit) => (unit === 'USD' ? money(value) : unit === '%' ? percent(value, 2) : `${fixed(value, Number.isInteger(value) ? 0 : 2)} ${unit}`);

// Sized through the CSSOM, not a style attribute: the page's CSP (style-src 'self') refuses inline styles.
function fill(used) {
  const bar = el('div', { class: 'gauge-fill' });
  bar.style.width = `${Math.min(used, 100)}%`;
  return bar;
}

function gauge(limit) {
  const used = Math.max(0, limit.utilization * 100);
  const state = limit.state.toLowerCase();
  return el('li', { class: `gauge gauge-${state}`, 'data-limit': limit.name },
    el('div', { class: 'gauge-head' },
      el('span', { class: 'gauge-name' }, label(limit.name), limit.detail ? el('span', { class: 'muted small' }, ` · ${limit.detail}`) : null),
      el('span', { class: 'gauge-used' }, percent(used, 0))),
    el('div', { class: 'gauge-track', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': used.toFixed(0), 'aria-label': label(limit.name) },
      fill(used)),
    el('div', { class: 'gauge-foot muted small' }, `${amount(limit.value, limit.unit)} of ${amount(limit.limit, limit.unit)}`, el('span', { class: `chip chip-${state}` }, limit.state)));
}

export const limitGauges = (report) => report.limits.map(gauge);

export const problemItems = (report) => report.problems.map((p) => el('li', {}, p));
