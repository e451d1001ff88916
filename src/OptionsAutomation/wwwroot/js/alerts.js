// Alerts from the outbox, newest first, with whether they reached Telegram yet.
import { el } from './dom.js';
import { instant } from './format.js';

function item(a) {
  const delivery = a.delivered_at ? `delivered ${instant(a.delivered_at)}` : a.last_error ? `not delivered: ${a.last_error}` : 'queued';
  return el('li', { class: 'feed-item' },
    el('div', { class: 'feed-main' },
      el('div', { class: 'alert-text' }, a.text),
      el('div', { class: 'muted small' }, `${instant(a.created_at)} · ${a.kind}${a.position_id ? ` · position ${a.position_id}` : ''} · ${delivery}`)));
}

export function alertItems(alerts) {
  if (alerts.length === 0) return [el('li', { class: 'empty' }, 'No alerts.')];
  return alerts.map(item);
}
