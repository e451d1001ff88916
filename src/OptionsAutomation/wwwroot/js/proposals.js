// Proposals, newest first. PROPOSED ones get Approve and Reject buttons, which the stylesheet shows only
// while the server accepts the token (body.can-approve).
import { el } from './dom.js';
import { price, money, instant, percent } from './format.js';

const strikes = (p) => (p.long_strike == null ? price(p.short_strike) : `${price(p.short_strike)}/${price(p.long_strike)}`);

const ENDED_WITHOUT_POSITION = new Set(['REJECTED', 'EXPIRED', 'FAILED']);

/**
 * What became of a decided proposal. An approval stores the gate's summary on fresh quotes as its reason, which
 * repeats the proposal's own summary (shown once, below): an executed proposal shows the position it opened instead,
 * and only a proposal that ended without one says why.
 */
function outcome(p) {
  if (p.position_id != null) {
    // The ID column of the open positions and closed trades tables carries the same number.
    return el('span', { class: 'position-ref strong', 'data-position-id': p.position_id }, `position ${p.position_id}`);
  }
  return ENDED_WITHOUT_POSITION.has(p.status) ? p.decision_reason : null;
}

/** Why the proposal got its size, as the Telegram card and `proposals show` say it (PositionSizingResult.Summary). */
function sizingLine(s) {
  const line = `${s.strategy}: ${s.contracts} contract(s), bound by ${s.binding_limit}`;
  return s.fallback ? `Sizing: ${s.fallback.from} → ${line} (${s.fallback.reason})` : `Sizing: ${line}`;
}

function item(p, decide) {
  const open = p.status === 'PROPOSED';
  const result = outcome(p);
  return el('li', { class: 'feed-item', 'data-request-id': p.request_id },
    el('div', { class: 'feed-main' },
      el('span', { class: 'strong' }, `${p.ticker} ${p.strategy_type} ${strikes(p)}`),
      el('span', { class: 'muted' }, ` exp ${p.expiration} · ${p.quantity}× at ${price(p.net_credit)}`),
      el('div', { class: 'muted small' },
        `max loss ${money(p.max_loss)} · collateral ${money(p.collateral)}`,
        p.probability_of_profit == null ? '' : ` · POP ${percent(p.probability_of_profit * 100, 0)}`,
        ` · proposed ${instant(p.proposed_at)}`, open ? ` · expires ${instant(p.expires_at)}` : '',
        result ? ' · ' : '', result),
      p.sizing ? el('div', { class: 'muted small sizing' }, sizingLine(p.sizing)) : null,
      p.risk_summary ? el('div', { class: 'muted small' }, p.risk_summary) : null),
    el('div', { class: 'feed-side' },
      el('span', { class: `chip chip-${p.status.toLowerCase()}` }, p.status),
      open ? el('button', { class: 'approve needs-token', 'data-action': 'approve', onclick: (e) => decide(e.currentTarget, p, 'approve') }, 'Approve') : null,
      open ? el('button', { class: 'reject secondary needs-token', 'data-action': 'reject', onclick: (e) => decide(e.currentTarget, p, 'reject') }, 'Reject') : null));
}

export function proposalItems(proposals, decide) {
  if (proposals.length === 0) return [el('li', { class: 'empty' }, 'No proposals.')];
  return proposals.map((p) => item(p, decide));
}
