// Adjustment recommendations, newest first. PENDING ones get Approve and Reject buttons, which the stylesheet shows
// only while the server accepts the token (body.can-approve), as the proposals' do.
import { el } from './dom.js';
import { price, instant } from './format.js';

/** What the recommendation asks, as the Telegram card's headline says it. */
function action(a) {
  if (a.kind === 'ROLL' && a.roll) {
    const strikes = a.roll.long_strike == null ? price(a.roll.short_strike) : `${price(a.roll.short_strike)}/${price(a.roll.long_strike)}`;
    return `ROLL to ${a.roll.expiration} ${strikes} for a net credit ≥ ${price(a.roll.minimum_net_credit)}`;
  }
  return a.kind === 'REDUCE' ? `REDUCE by ${a.contracts} of ${a.numbers.open_contracts}` : `CLOSE all ${a.contracts}`;
}

function item(a, decide) {
  const pending = a.status === 'PENDING';
  return el('li', { class: 'feed-item', 'data-adjustment-id': a.id },
    el('div', { class: 'feed-main' },
      el('span', { class: 'strong' }, `${a.ticker} ${a.strategy_type} `),
      el('span', { class: 'position-ref strong', 'data-position-id': a.position_id }, `position ${a.position_id}`),
      el('span', { class: 'muted' }, ` · ${action(a)}`),
      el('div', { class: 'muted small' }, `risk ${a.risk_score} ${a.urgency} · ${a.summary}`),
      el('div', { class: 'muted small' }, `recommended ${instant(a.created_at)}`,
        a.decided_by ? ` · ${a.decided_by}` : '', a.outcome ? ` · ${a.outcome}` : '')),
    el('div', { class: 'feed-side' },
      el('span', { class: `chip chip-${a.status.toLowerCase()}` }, a.status),
      pending ? el('button', { class: 'approve needs-token', 'data-action': 'approve', onclick: (e) => decide(e.currentTarget, a, 'approve') }, 'Approve') : null,
      pending ? el('button', { class: 'reject secondary needs-token', 'data-action': 'reject', onclick: (e) => decide(e.currentTarget, a, 'reject') }, 'Reject') : null));
}

export function adjustmentItems(adjustments, decide) {
  if (adjustments.length === 0) return [el('li', { class: 'empty' }, 'No pending recommendations.')];
  return adjustments.map((a) => item(a, decide));
}
