// The trade journal panel: the newest notes, and a form (shown with an accepted token, like the approve buttons) that
// writes one through POST /api/journal. The server validates; a refusal shows its message above the list.
import { el } from './dom.js';
import { instant } from './format.js';

function item(entry) {
  const on = entry.position_id != null ? `position ${entry.position_id}` : `proposal ${entry.request_id}`;
  const edits = entry.versions.length > 1 ? ` · edited ${entry.versions.length - 1}×` : '';
  return el('li', { class: 'feed-item', 'data-entry-id': entry.entry_id },
    el('div', { class: 'feed-main' },
      el('span', { class: 'strong' }, `${on} `),
      el('span', { class: 'muted' }, `· ${entry.phase}`),
      el('div', {}, entry.versions[entry.versions.length - 1].text),
      el('div', { class: 'muted small' }, `${instant(entry.versions[entry.versions.length - 1].written_at)} · ${entry.created_by}${edits}`)),
    el('div', { class: 'feed-side' },
      entry.versions[entry.versions.length - 1].sentiment
        ? el('span', { class: 'chip' }, entry.versions[entry.versions.length - 1].sentiment)
        : null));
}

export function journalItems(entries) {
  if (entries.length === 0) return [el('li', { class: 'empty' }, 'No journal notes yet.')];
  return entries.map(item);
}
