// The daily scorecard panel: the card the chat gets (/api/scorecard.png), its text as the image's description.

/**
 * scorecard: /api/scorecard. The picture is fetched again only when the figures changed (a new session, a late
 * trade), not on every 15 s refresh.
 */
export function showScorecard(img, label, scorecard) {
  label.textContent = `(${scorecard.date})`;
  if (img.dataset.text === scorecard.text && img.dataset.date === scorecard.date) return;
  img.dataset.date = scorecard.date;
  img.dataset.text = scorecard.text;
  img.alt = scorecard.text;
  img.src = `/api/scorecard.png?date=${encodeURIComponent(scorecard.date)}&v=${encodeURIComponent(hash(scorecard.text))}`;
}

// A short key of the text, so a changed card is not served from the browser's cache under the same URL.
function hash(text) {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.codePointAt(0)) | 0;
  return (h >>> 0).toString(36);
}
