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

// "Today" is the server's New York date (from /api/info), not the browser's: DTE is counted the way the exit
// rules count it, whatever the viewer's time zone or a replay clock.
const newYorkDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });
let today = newYorkDate.format(new Date());

/** Sets today from the server's clock (an ISO instant). */
export function setServerNow(isoInstant) {
  today = newYorkDate.format(new Date(isoInstant));
}

const dayNumber = (isoDate) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** The server's New York date (YYYY-MM-DD). */
export const serverToday = () => today;

/** Calendar days from the server's New York date to an ISO date (YYYY-MM-DD). */
export const daysUntil = (isoDate) => dayNumber(isoDate) - dayNumber(today);
