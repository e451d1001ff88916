// The --html file's entry point: draws the report embedded in the page (inlined with report-view.js, see PeriodReportCommands).
import { renderReport } from './report-view.js';

renderReport(document.getElementById('report-result'), JSON.parse(document.getElementById('report-data').textContent));
document.body.dataset.loaded = 'true';
