// Closed trades (trade_history), latest first: where a position goes when its closing order fills, with the P&L
// realized from the stored entry.
import { el } from './dom.js';
import { price, money, signedMoney, tone, instant } from './format.js';

const SHOWN = 20;

function row(t) {
  return el('tr', { 'data-trade-id': t.trade_id, 'data-position-id': t.position_id },
    el('td', {}, instant(t.closed_at)),
    el('td', { class: 'num' }, String(t.position_id)),
    el('td', { class: 'strong' }, t.ticker),
    el('td', {}, t.strategy_type),
    el('td', { class: 'num' }, String(t.quantity)),
    el('td', { class: 'num' }, price(t.entry_price)),
    el('td', { class: 'num' }, price(t.exit_price)),
    el('td', { class: 'num' }, money(t.fees)),
    el('td', { class: `num pnl ${tone(t.pnl_realized)}` }, signedMoney(t.pnl_realized)),
    el('td', { class: 'reason' }, t.exit_reason));
}

/** The latest trades first (the API lists them oldest first). */
export function tradeRows(trades) {
  if (trades.length === 0) return [el('tr', {}, el('td', { colspan: 10, class: 'empty' }, 'No closed trades.'))];
  return [...trades].sort((a, b) => b.closed_at.localeCompare(a.closed_at) || b.trade_id - a.trade_id).slice(0, SHOWN).map(row);
}
