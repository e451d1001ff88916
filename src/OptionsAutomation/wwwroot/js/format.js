// Number and date formatting: money to the cent, prices as quoted, everything in en-US with a fixed
// number of decimals so columns of tabular figures line up.

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSigned = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const dateTime = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

const missing = '—';
const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

export const money = (v) => (isNumber(v) ? usd.format(v) : missing);
export const signedMoney = (v) => (isNumber(v) ? usdSigned.format(v) : missing);

/** A per-share option price: two decimals, four when quoted finer (1.5 → 1.50, 1.2345 → 1.2345). */
export const price = (v) => {
  if (!isNumber(v)) return missing;
  return Math.abs(v * 100 - Math.round(v * 100)) < 1e-9 ? v.toFixed(2) : v.toFixed(4);
};

export const fixed = (v, digits) => (isNumber(v) ? v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : missing);
export const percent = (v, digits = 1) => (isNumber(v) ? `${fixed(v, digits)}%` : missing);
export const signedPercent = (v, digits = 1) => (isNumber(v) ? `${v > 0 ? '+' : ''}${fixed(v, digits)}%` : missing);
export const instant = (iso) => (iso ? dateTime.format(new Date(iso)) : missing);
export const clockTime = (date) => clock.format(date);

/** The CSS class that colours a P&L figure: gains green, losses red, zero neutral. */
export const tone = (v) => (!isNumber(v) || v === 0 ? '' : v > 0 ? 'gain' : 'loss');

/** Calendar days from today to an ISO date (YYYY-MM-DD); the server's DTE uses New York's date. */
export function daysUntil(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const now = new Date();
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86_400_000);
}
