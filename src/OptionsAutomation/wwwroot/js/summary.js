// The headline figures and the trading switch.
import { el } from './dom.js';
import { money, signedMoney, percent, fixed, tone } from './format.js';

const kpi = (label, value, cls = '', hint = '') => el('div', { class: 'kpi', title: hint }, el('dt', {}, label), el('dd', { class: cls }, value));

/**
 * report: /api/report; positions: the open positions as valued (for unrealized P&L). Either may be null when it failed.
 * The report's equity is realized only (open positions at cost); the risk panel's "Equity (marked)" adds their
 * unrealized P&L, so the two are labelled apart.
 */
export function kpiItems(report, positions) {
  const items = [];
  if (report) {
    const t = report.trade_statistics;
    const r = report.return_statistics;
    const unrealized = positions?.reduce((sum, p) => sum + (p.unrealized_pnl ?? 0), 0);
    items.push(
      kpi('Equity (realized)', money(report.closing_equity), '', 'starting equity plus realized P&L; open positions at cost'),
      kpi('Realized P&L', signedMoney(t.total_pnl), tone(t.total_pnl)),
      kpi('Unrealized P&L', unrealized == null ? '—' : signedMoney(Math.round(unrealized * 100) / 100), tone(unrealized)),
      kpi('Win rate', `${percent(t.win_rate, 1)} of ${t.trades}`),
      kpi('Profit factor', fixed(Number(t.profit_factor), 2)),
      kpi('Sharpe', fixed(Number(r.sharpe_ratio), 2)),
      kpi('Max drawdown', percent(Number(r.max_drawdown) * 100, 2), Number(r.max_drawdown) < 0 ? 'loss' : ''));
  }
  return items;
}

export function showTradingState(status) {
  const badge = document.getElementById('trading-state');
  badge.textContent = status ? status.trading_state : 'state unknown';
  badge.className = `badge badge-${status ? status.trading_state.toLowerCase() : 'muted'}`;
  badge.title = status?.state_reason ? `${status.trading_state}: ${status.state_reason}` : 'Trading state';
  const breaker = document.getElementById('breaker');
  breaker.hidden = !status?.breaker_tripped;
  breaker.textContent = status?.breaker_tripped ? `breaker tripped: ${status.breaker_trip_reason ?? ''}` : '';
}
