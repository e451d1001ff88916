// Boots the dashboard and refreshes every panel every 15 s while the tab is visible. Each panel loads on
// its own: an endpoint that fails shows its error in that panel and leaves the others working.
import { getJson, postJson, ApiError } from './api.js';
import { el, renderIfChanged, panelState } from './dom.js';
import { clockTime, instant, setServerNow } from './format.js';
import { equityCharts, dailyPnlChart } from './charts.js';
import { positionRows, positionTotals, valuedPositions } from './positions.js';
import { tradeRows } from './trades.js';
import { greekTiles, limitGauges, problemItems } from './risk.js';
import { proposalItems } from './proposals.js';
import { adjustmentItems } from './adjustments.js';
import { journalItems } from './journal.js';
import { briefParts } from './brief.js';
import { alertItems } from './alerts.js';
import { showScorecard } from './scorecard.js';
import { kpiItems, showTradingState } from './summary.js';
import { applyToken, wireTokenForm } from './token.js';

const REFRESH_MS = 15_000;
// The brief revalues the book (the risk report's limits) on every request: not every 15 s.
const BRIEF_REFRESH_MS = 600_000;
// The scorecard reads every trade to date; a minute is soon enough for the day's closes to show.
const SCORECARD_REFRESH_MS = 60_000;
const $ = (id) => document.getElementById(id);

const drawEquity = equityCharts($('chart-equity'), $('chart-drawdown'));
const drawDaily = dailyPnlChart($('chart-daily'));

/** Loads one endpoint for one panel: null on failure, after showing the error in the panel. */
async function load(panelId, path) {
  try {
    const data = await getJson(path);
    panelState(panelId, null);
    return data;
  } catch (error) {
    panelState(panelId, error);
    return null;
  }
}

/** The performance report feeds the headline figures only; its failure is shown in the summary panel. */
async function loadReport() {
  try {
    return await getJson('/api/report');
  } catch {
    return null;
  }
}

/** The open positions, valued as the risk report values them (risk: the report just loaded, or null). */
async function refreshPositionsAndSummary(risk) {
  const [stored, report, equity] = await Promise.all([
    load('panel-positions', '/api/positions?status=open'), loadReport(), load('panel-equity', '/api/equity')]);
  const positions = stored && valuedPositions(stored, risk);
  if (positions) {
    renderIfChanged($('positions').tBodies[0], positions, positionRows);
    renderIfChanged($('positions').tFoot, positions, positionTotals);
  }
  if (equity) drawEquity(equity);
  panelState('panel-summary', report ? null : new Error('the performance report is unavailable'));
  renderIfChanged($('kpis'), { report, positions }, () => kpiItems(report, positions));
}

async function refreshDaily() {
  const days = await load('panel-daily', '/api/pnl/daily');
  if (days) drawDaily(days);
}

/** Loads and shows the risk report, and returns it (null when it failed) for the positions table's valuation. */
async function refreshRisk() {
  const report = await load('panel-limits', '/api/risk');
  panelState('panel-greeks', report ? null : new Error('the risk report is unavailable'));
  if (!report) return null;
  // The risk job's last stored snapshot, not a revaluation per page load: say when it was computed.
  $('risk-computed').textContent = `computed ${instant(report.as_of)}`;
  renderIfChanged($('greeks'), report, greekTiles);
  renderIfChanged($('limits'), report.limits, () => limitGauges(report));
  renderIfChanged($('risk-problems'), report.problems, () => problemItems(report));
  return report;
}

/** The risk panel and the positions table from one risk report, so they show one valuation. */
const refreshValuation = async () => refreshPositionsAndSummary(await refreshRisk());

async function refreshTrades() {
  const trades = await load('panel-trades', '/api/trades');
  if (trades) renderIfChanged($('trades').tBodies[0], trades, tradeRows);
}

async function refreshProposals() {
  const proposals = await load('panel-proposals', '/api/proposals');
  if (proposals) renderIfChanged($('proposals'), proposals, (list) => proposalItems(list, decide));
}

async function refreshAdjustments() {
  const adjustments = await load('panel-adjustments', '/api/adjustments?status=PENDING');
  if (adjustments) renderIfChanged($('adjustments'), adjustments, (list) => adjustmentItems(list, decideAdjustment));
}

async function refreshJournal() {
  const entries = await load('panel-journal', '/api/journal?limit=10');
  if (entries) renderIfChanged($('journal'), entries, journalItems);
}

/** Writes a note from the form; the server's refusal (a bad tag, no such position) is shown as it said it. */
async function addNote(event) {
  event.preventDefault();
  const box = $('journal-result');
  try {
    const entry = await postJson('/api/journal', {
      target: $('journal-target').value.trim(),
      text: $('journal-text').value,
      sentiment: $('journal-sentiment').value || null,
      source: 'dashboard',
    });
    showDecision(`journal entry ${entry.entry_id} written`, true, box);
    $('journal-text').value = '';
  } catch (error) {
    showDecision(error.message, false, box);
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) await applyToken();
  }
  await refreshJournal();
}

let scorecardLoadedAt = 0;
async function refreshScorecard() {
  if (Date.now() - scorecardLoadedAt < SCORECARD_REFRESH_MS) return;
  const scorecard = await load('panel-scorecard', '/api/scorecard');
  if (!scorecard) return;
  scorecardLoadedAt = Date.now();
  showScorecard($('scorecard-card'), $('scorecard-date'), scorecard);
}

let briefLoadedAt = 0;
async function refreshBrief() {
  if (Date.now() - briefLoadedAt < BRIEF_REFRESH_MS) return;
  const brief = await load('panel-brief', '/api/brief');
  if (!brief) return;
  briefLoadedAt = Date.now();
  $('brief-date').textContent = `(${brief.date})`;
  renderIfChanged($('brief'), brief, briefParts);
}

async function refreshAlerts() {
  const alerts = await load('panel-alerts', '/api/alerts?limit=20');
  if (alerts) renderIfChanged($('alerts'), alerts.slice(0, 20), alertItems);
}

async function refreshClock() {
  try {
    setServerNow((await getJson('/api/info')).now);
  } catch {
    // Keep the last known date; the panels report their own errors.
  }
}

async function refreshState() {
  try {
    showTradingState(await getJson('/api/trading-state'));
  } catch {
    showTradingState(null);
  }
}

function showDecision(text, ok, box = $('proposal-result')) {
  box.hidden = false;
  box.className = `notice ${ok ? 'notice-ok' : 'notice-error'}`;
  box.replaceChildren(el('span', {}, text));
}

/** Approve or reject from a button; the server's answer (or problem) is shown above the list. */
async function decide(button, proposal, action) {
  const label = `${proposal.ticker} ${proposal.strategy_type} ${proposal.request_id}`;
  button.disabled = true;
  button.textContent = action === 'approve' ? 'Approving…' : 'Rejecting…';
  try {
    const body = action === 'reject' ? { reason: 'rejected from the dashboard' } : {};
    const result = await postJson(`/api/proposals/${encodeURIComponent(proposal.request_id)}/${action}`, body);
    // The answer is the CLI's approval outcome: { request_id, status, message, position_id, fill_price }.
    showDecision(`${label}: ${result?.status ?? action}${result?.message ? ` — ${result.message}` : ''}`, result?.status !== 'FAILED');
  } catch (error) {
    showDecision(`${label}: ${error.message}`, false);
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) await applyToken();
  }
  await Promise.all([refreshProposals(), refreshValuation(), refreshAlerts()]);
}

/** Approve or reject a recommendation; the server's answer (or problem) is shown above the list. */
async function decideAdjustment(button, adjustment, action) {
  const label = `adjustment ${adjustment.id} (${adjustment.kind} position ${adjustment.position_id})`;
  const box = $('adjustment-result');
  button.disabled = true;
  button.textContent = action === 'approve' ? 'Approving…' : 'Rejecting…';
  try {
    const body = action === 'reject' ? { reason: 'rejected from the dashboard' } : {};
    // The answer is the CLI's outcome: { adjustment, message }; a refusal is a problem with the same message as detail.
    const result = await postJson(`/api/adjustments/${adjustment.id}/${action}`, body);
    showDecision(`${label}: ${result?.message ?? action}`, true, box);
  } catch (error) {
    showDecision(`${label}: ${error.message}`, false, box);
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) await applyToken();
  }
  await Promise.all([refreshAdjustments(), refreshValuation(), refreshAlerts()]);
}

let running = false;
async function refreshAll() {
  if (running) return;
  running = true;
  try {
    await refreshClock();
    await Promise.all([refreshValuation(), refreshTrades(), refreshDaily(), refreshProposals(), refreshAdjustments(), refreshJournal(), refreshScorecard(), refreshAlerts(), refreshState(), refreshBrief()]);
    $('updated-at').textContent = clockTime(new Date());
    document.body.dataset.loaded = 'true';
  } finally {
    running = false;
  }
}

/** Runs the risk check now (POST /api/risk/recompute, token required) and shows the snapshot it stored. */
async function recomputeRisk() {
  try {
    await postJson('/api/risk/recompute');
    await refreshValuation();
  } catch (error) {
    panelState('panel-greeks', error);
  }
}

$('risk-recompute').addEventListener('click', recomputeRisk);
$('journal-form').addEventListener('submit', addNote);
wireTokenForm(() => Promise.all([refreshProposals(), refreshAdjustments()]));
await applyToken();
await refreshAll();
setInterval(() => { if (!document.hidden) refreshAll(); }, REFRESH_MS);
document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshAll(); });
