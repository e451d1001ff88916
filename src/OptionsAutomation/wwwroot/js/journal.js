// The trade journal panel: the newest notes, and a form (shown with an accepted token, like the approve buttons) that
// writes one through POST /api/journal. The server validates; a refusal shows its message above the list.
import { el } from './dom.js';
import { instant } from './format.js';

function item(entry) {
  const current = entry.versions[entry.versions.length - 1];
  const on = entry.position_id != null ? `position ${entry.position_id}` : `proposal ${entry.request_id}`;
  const edits = entry.versions.length > 1 ? ` · edited ${entry.versions.length - 1}×` : '';
  return el('li', { class: 'feed-item', 'data-entry-id': entry.entry_id },
    el('div', { class: 'feed-main' },
      el('span', { class: 'strong' }, `${on} `),
      el('span', { class: 'muted' }, `· ${entry.phase}`),
      el('div', {}, current.text),
      el('div', { class: 'muted small' }, `${instant(current.written_at)} · ${entry.created_by}${edits}`)),
    el('div', { class: 'feed-side' },
      current.sentiment ? el('span', { class: 'chip' }, current.sentiment) : null));
}

export function journalItems(entries) {
  if (entries.length === 0) return [el('li', { class: 'empty' }, 'No journal notes yet.')];
  return entries.map(item);
}
