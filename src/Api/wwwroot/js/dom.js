// Small DOM and formatting helpers shared by the page's modules.

/** Creates an element: el('li', { class: 'x', dataset: { testid: 'y' }, onclick }, child, 'text'). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
  return node;
}

export const byId = id => document.getElementById(id);

/** An icon from the page's sprite (index.html, symbols named i-NAME). */
export function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
}

export function show(node, visible) {
  node.hidden = !visible;
}

export function debounce(action, delayMs) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), delayMs);
  };
}

export function initials(name) {
  const parts = (name ?? '?').trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts.at(-1)[0] : '')).toUpperCase();
}

/** A coloured circle with initials; the same name always gets the same colour. */
export function paintAvatar(node, name) {
  node.textContent = initials(name);
  let hash = 0;
  for (const ch of name ?? '') hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  node.style.background = `hsl(${hash % 360} 55% 45%)`;
}

export function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const now = new Date();
  return date.toDateString() === now.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { month: 'short', day: 'numeric' });
}

export function formatLastSeen(iso) {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return 'last seen just now';
  if (minutes < 60) return `last seen ${minutes} min ago`;
  if (minutes < 24 * 60) return `last seen ${Math.round(minutes / 60)} h ago`;
  return `last seen ${new Date(iso).toLocaleDateString()}`;
}

export function formatSize(bytes) {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds ?? 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function newClientId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** Opens a dialog with an OK/Cancel question; resolves true on OK. No window.confirm: tests and phones dislike it. */
export function confirmAction(text, okLabel = 'OK') {
  const dialog = byId('confirm-dialog');
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = okLabel;
  return new Promise(resolve => {
    const finish = answer => {
      byId('confirm-ok').onclick = null;
      byId('confirm-cancel').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(answer);
    };
    byId('confirm-ok').onclick = () => finish(true);
    byId('confirm-cancel').onclick = () => finish(false);
    dialog.onclose = () => finish(false);
    dialog.showModal();
  });
}

/** Every dialog's ✕ button closes it; so does a click on the backdrop. */
export function wireDialogs() {
  for (const dialog of document.querySelectorAll('dialog')) {
    dialog.addEventListener('click', event => {
      if (event.target === dialog || event.target.closest('[data-close]')) dialog.close();
    });
  }
}
