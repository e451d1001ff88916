// The morning brief panel: GET /api/brief as the 09:00 chat message has it — the market, the open positions with the exit
// rules they are near, today's expirations, the screener's plan and the limits in use — and what could not be read.
import { el } from './dom.js';
import { price, fixed, signedMoney, signedPercent, percent, tone } from './format.js';

function market(brief) {
  const rows = brief.underlyings.map((u) => el('li', { 'data-symbol': u.symbol },
    el('span', { class: 'strong' }, `${u.symbol} `),
    `close ${price(u.previous_close)}`,
    u.change != null
      ? el('span', { class: tone(u.change) }, ` → ${price(u.last)} (${signedPercent(u.change_percent, 2)})`)
      : el('span', { class: 'muted' }, ` · ${u.problem}`)));
  if (brief.vix) {
    const rank = brief.vix.iv_rank != null ? `IV rank ${percent(brief.vix.iv_rank * 100, 0)}` : 'IV rank n/a';
    rows.push(el('li', { 'data-symbol': 'VIX' }, el('span', { class: 'strong' }, 'VIX '), `${fixed(brief.vix.level, 2)} (${brief.vix.date}) · ${rank}`));
  }
  return el('ul', { class: 'brief-market' }, ...rows);
}

function position(p) {
  const distance = p.distance_to_short != null ? `${signedPercent(p.distance_to_short_percent, 2)} (${fixed(p.distance_to_short, 2)}) to short` : 'no spot';
  return el('tr', { 'data-position-id': p.position_id },
    el('td', { class: 'num' }, String(p.position_id)), el('td', {}, `${p.ticker} ${p.strategy}`), el('td', { class: 'num' }, price(p.short_strike)),
    el('td', { class: 'num' }, p.days_to_expiry != null ? String(p.days_to_expiry) : '—'), el('td', {}, distance),
    el('td', { class: `num ${tone(p.unrealized_pnl)}` }, signedMoney(p.unrealized_pnl)),
    el('td', {}, ...p.near.map((n) => el('span', { class: 'chip chip-warn', title: n.detail }, n.rule))));
}

function open(brief) {
  if (brief.open.length === 0) return el('p', { class: 'muted' }, 'No open positions.');
  return el('div', { class: 'table-wrap' }, el('table', { id: 'brief-positions' },
    el('thead', {}, el('tr', {}, ...['ID', 'Position', 'Short', 'DTE', 'Distance', 'Unrealized', 'Near a rule'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...brief.open.map(position))));
}

function screener(plan) {
  if (!plan) return null;
  const when = plan.screens_today ? 'today' : `not today (${plan.entry_schedule})`;
  return el('p', { id: 'brief-screener' }, `Screener ${when}: ${plan.targets.join(', ')}; ${plan.min_days_to_expiry}-${plan.max_days_to_expiry} DTE, delta ${plan.target_delta}`);
}

function limits(brief) {
  const restricting = brief.limits.filter((l) => !l.informational);
  return el('p', { id: 'brief-limits' }, 'Limits used: ',
    ...restricting.map((l) => el('span', { class: `chip chip-${l.state.toLowerCase()}`, 'data-limit': l.name }, `${l.name} ${percent(l.utilization * 100, 0)}`)));
}

export function briefParts(brief) {
  const expiring = brief.expiring_today.length === 0
    ? 'Expiring today: none'
    : `Expiring today: ${brief.expiring_today.map((p) => `#${p.position_id} ${p.ticker} ${p.strategy}`).join(', ')}`;
  return [
    market(brief), open(brief), el('p', { id: 'brief-expiring' }, expiring), screener(brief.screener), limits(brief),
    el('ul', { class: 'problems' }, ...brief.problems.map((p) => el('li', {}, p))),
  ].filter((part) => part !== null);
}
