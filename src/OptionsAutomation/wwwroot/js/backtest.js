// The dashboard's Backtest page: a form whose choices come from GET /api/backtest (profiles, the history's dates, the
// configured defaults), a run through POST /api/backtest (needs the API token, like every POST), and the answer drawn
// by backtest-view.js — the code that draws the --report file.
import { getJson, postJson, ApiError } from './api.js';
import { el, panelState } from './dom.js';
import { renderBacktest } from './backtest-view.js';
import { applyToken, wireTokenForm } from './token.js';

const $ = (id) => document.getElementById(id);

/** Fills the form from the server's choices; the profile list is shown only when there is a choice to make. */
function fill(choices) {
  for (const input of [$('bt-from'), $('bt-to')]) Object.assign(input, { min: choices.history_from, max: choices.history_to });
  $('bt-to').value = choices.history_to;
  // A month of history by default: a run of seconds, not of the whole history.
  const from = new Date(`${choices.history_to}T00:00:00Z`);
  from.setUTCMonth(from.getUTCMonth() - 1);
  $('bt-from').value = from.toISOString().slice(0, 10);
  $('bt-profile').replaceChildren(...choices.profiles.map((p) => el('option', { value: p, selected: p === choices.default_profile }, p)));
  $('bt-profile-label').hidden = choices.profiles.length < 2;
  $('bt-equity').value = choices.starting_equity;
  $('bt-share').value = choices.approval_share;
  $('bt-seed').value = choices.seed;
  $('bt-reset').value = String(choices.reset_breaker_next_session);
}

async function run(event) {
  event.preventDefault();
  const button = $('bt-run');
  const status = $('bt-status');
  button.disabled = true;
  status.textContent = 'Running…';
  try {
    const page = await postJson('/api/backtest', {
      from: $('bt-from').value,
      to: $('bt-to').value,
      profile: $('bt-profile').value,
      starting_equity: Number($('bt-equity').value),
      approval_share: Number($('bt-share').value),
      seed: Number($('bt-seed').value),
      reset_breaker_next_session: $('bt-reset').value === 'true',
    });
    panelState('panel-backtest-form', null);
    status.textContent = `${page.backtest.run.sessions} sessions, ${page.backtest.trades.length} trades`;
    renderBacktest($('backtest-result'), page);
  } catch (error) {
    status.textContent = '';
    panelState('panel-backtest-form', error);
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) await applyToken();
  } finally {
    button.disabled = false;
  }
}

wireTokenForm(() => {});
await applyToken();
try {
  fill(await getJson('/api/backtest'));
  panelState('panel-backtest-form', null);
} catch (error) {
  panelState('panel-backtest-form', error);
}
$('backtest-form').addEventListener('submit', run);
document.body.dataset.loaded = 'true';
