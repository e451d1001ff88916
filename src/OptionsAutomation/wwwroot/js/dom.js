// Small DOM helpers. Panels re-render only when their data changed, which keeps the periodic refresh
// from flickering or resetting a reader's text selection.

const lastRendered = new WeakMap();

/** Creates an element: el('td', { class: 'num' }, 'text', child…). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** Replaces the children of container with render(data) unless data is what was rendered last time. */
export function renderIfChanged(container, data, render) {
  const key = JSON.stringify(data);
  if (lastRendered.get(container) === key) return;
  lastRendered.set(container, key);
  container.replaceChildren(...render(data));
}

/** Shows an error in a panel (its .panel-error line), or clears it; the panel's last content stays visible. */
export function panelState(panelId, error) {
  const panel = document.getElementById(panelId);
  const box = panel.querySelector('.panel-error');
  panel.classList.toggle('has-error', Boolean(error));
  box.hidden = !error;
  box.textContent = error ? `Could not load: ${error.message}` : '';
}
