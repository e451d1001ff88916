// The --report file's entry point: draws the run embedded in the page (inlined with backtest-view.js, see BacktestHtml).
import { renderBacktest } from './backtest-view.js';

renderBacktest(document.getElementById('backtest-result'), JSON.parse(document.getElementById('backtest-data').textContent));
document.body.dataset.loaded = 'true';
