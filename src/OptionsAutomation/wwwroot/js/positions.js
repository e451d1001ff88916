// The open positions table: marks and unrealized P&L as stored by the mark-to-market job — the valuation the risk
// report uses too. A position never marked yet (opened outside a session) shows the risk report's value from the
// quotes, so the table and the risk panel never disagree.
import { el } from './dom.js';
import { daysUntil, price, signedMoney, money, signedPercent, tone, instant } from './format.js';

const strikes = (p) => (p.long_strike == null ? price(p.short_strike) : `${price(p.short_strike)}/${price(p.long_strike)}`);

/** Unrealized P&L as a percent of the credit (max profit), the unit of the profit target. */
export const percentOfMaxProfit = (p) => {
  const maxProfit = p.entry_price * p.multiplier * p.quantity;
  return p.unrealized_pnl == null || maxProfit === 0 ? null : (p.unrealized_pnl / maxProfit) * 100;
};

/**
 * The open positions as valued: the stored mark where there is one; otherwise the risk report's mark from the quotes
 * (mark_source "quotes"), shown with the status QUOTES and the quotes' time.
 */
export function valuedPositions(positions, risk) {
  const quoted = new Map((risk?.positions ?? []).filter((r) => r.mark_source === 'quotes').map((r) => [r.position_id, r]));
  return positions.map((p) => {
    const r = p.mark_price == null ? quoted.get(p.position_id) : undefined;
    return r ? { ...p, mark_price: r.mark, unrealized_pnl: r.unrealized_pnl, marked_at: r.marked_at, mark_status: 'QUOTES' } : p;
  });
}

const markTitle = (p) => {
  if (p.mark_problem) return p.mark_problem;
  if (p.mark_status === 'QUOTES') return 'not marked yet: valued at the quotes\' mids, as the risk report does';
  return p.marked_at ? `last stored mark, ${instant(p.marked_at)}` : 'not marked yet';
};

function row(p) {
  const dte = daysUntil(p.expiration);
  return el('tr', { 'data-position-id': p.position_id },
    el('td', { class: 'num' }, String(p.position_id)),
    el('td', { class: 'strong' }, p.ticker),
    el('td', {}, p.strategy_type),
    el('td', { class: 'num' }, strikes(p)),
    el('td', {}, p.expiration),
    el('td', { class: `num dte ${dte <= 21 ? 'warn-text' : ''}` }, String(dte)),
    el('td', { class: 'num' }, String(p.quantity)),
    el('td', { class: 'num' }, price(p.entry_price)),
    el('td', { class: 'num mark' }, price(p.mark_price)),
    el('td', { class: `num pnl ${tone(p.unrealized_pnl)}` }, signedMoney(p.unrealized_pnl)),
    el('td', { class: `num ${tone(p.unrealized_pnl)}` }, signedPercent(percentOfMaxProfit(p))),
    el('td', { class: 'num' }, money(p.profit_target)),
    el('td', { class: 'num' }, money(p.stop_loss)),
    el('td', { class: 'mark-as-of', title: markTitle(p) },
      el('span', { class: `chip chip-${(p.mark_status ?? 'none').toLowerCase()}` }, p.mark_status ?? 'NONE'),
      p.marked_at ? ` ${instant(p.marked_at)}` : null));
}

export function positionRows(positions) {
  if (positions.length === 0) return [el('tr', {}, el('td', { colspan: 14, class: 'empty' }, 'No open positions.'))];
  return positions.map(row);
}

export function positionTotals(positions) {
  const total = positions.reduce((sum, p) => sum + (p.unrealized_pnl ?? 0), 0);
  return [el('tr', {},
    el('td', { colspan: 9 }, `${positions.length} open`),
    el('td', { class: `num pnl ${tone(total)}` }, signedMoney(Math.round(total * 100) / 100)),
    el('td', { colspan: 4 }))];
}
