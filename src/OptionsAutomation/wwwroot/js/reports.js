// The dashboard's Reports page: GET /api/report/weekly or /monthly for the period containing a date (today without
// one), drawn by report-view.js as the --html file draws it. The server computes and rounds; the page only draws.
import { getJson } from './api.js';
import { panelState } from './dom.js';
import { renderReport } from './report-view.js';

const $ = (id) => document.getElementById(id);

async function show(event) {
  event?.preventDefault();
  const query = new URLSearchParams();
  if ($('rep-date').value) query.set('date', $('rep-date').value);
  try {
    const report = await getJson(`/api/report/${$('rep-kind').value}?${query}`);
    panelState('panel-reports', null);
    $('rep-status').textContent = report.label;
    renderReport($('report-result'), report);
  } catch (error) {
    panelState('panel-reports', error);
  }
}

$('report-form').addEventListener('submit', show);
$('rep-kind').addEventListener('change', show);
await show();
document.body.dataset.loaded = 'true';
