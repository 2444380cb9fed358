// Values changed by direct manipulation: drag a point or bar up and down (mouse, pen or finger: pointer events),
// or focus it and use the arrow keys. Each handle is an ARIA slider (aria-valuenow follows the value); one of a
// set is a tab stop and ←/→ move between them, ↑/↓ change the value (PageUp/PageDown or Shift: ten steps,
// Home/End: the ends of the range). Every move calls onChange at once, so the numbers follow while dragging.
import { float32Literal } from '../../lib/python.js';

/** `value` on the grid of `step`, written without binary noise (0.30000000000000004 → 0.3). */
export function snap(value, step) {
  return Number((Math.round(value / step) * step).toPrecision(12));
}

/**
 * Wires drag and keys on `root` for the handles `handles()` returns (elements with data-k, their index).
 * options:
 *   range()          { lo, hi } of the values the axis shows now (held still while a drag lasts)
 *   valueAt(clientY, range) the value under the pointer for that range
 *   value(k)         the current value of handle k
 *   step(range)      the smallest change (keys move one step, drags snap to it)
 *   onChange(k, value)  a new value for handle k
 *   onGrab(range) / onRelease()  a drag begins (the axis holds `range`) / ends
 */
export function attachDrag(root, options) {
  let drag = null;
  const handleOf = (target) => target.closest?.('[data-k]');
  const set = (k, value) => {
    if (Number.isFinite(value) && value !== options.value(k)) options.onChange(k, value);
  };
  root.addEventListener('pointerdown', (e) => {
    const handle = handleOf(e.target);
    if (!handle || e.button > 0) return;
    e.preventDefault(); // no text selection, no scrolling: the finger moves the value
    const k = Number(handle.dataset.k);
    const range = options.range();
    drag = { k, range, id: e.pointerId };
    root.setPointerCapture?.(e.pointerId);
    options.onGrab?.(range);
    root.querySelector(`[data-k="${k}"][role="slider"]`)?.focus({ preventScroll: true });
  });
  root.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const { lo, hi } = drag.range;
    const value = Math.max(lo, Math.min(hi, options.valueAt(e.clientY, drag.range)));
    set(drag.k, snap(value, options.step(drag.range)));
  });
  const end = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    drag = null;
    options.onRelease?.();
  };
  root.addEventListener('pointerup', end);
  root.addEventListener('pointercancel', end);
  root.addEventListener('keydown', (e) => {
    const handle = handleOf(e.target);
    if (!handle || handle.getAttribute('role') !== 'slider') return;
    const k = Number(handle.dataset.k);
    const range = options.range();
    const step = options.step(range);
    const big = step * 10;
    const value = options.value(k);
    const moves = {
      ArrowUp: value + (e.shiftKey ? big : step),
      ArrowDown: value - (e.shiftKey ? big : step),
      PageUp: value + big,
      PageDown: value - big,
      Home: range.lo,
      End: range.hi,
    };
    if (e.key in moves) {
      e.preventDefault();
      set(k, snap(moves[e.key], step));
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const all = [...root.querySelectorAll('[data-k][role="slider"]')];
    const next = all[all.indexOf(handle) + (e.key === 'ArrowLeft' ? -1 : 1)];
    if (next) focusHandle(all, next);
  });
}

/** Makes `handle` the set's one tab stop and focuses it. */
export function focusHandle(all, handle) {
  for (const other of all) other.tabIndex = other === handle ? 0 : -1;
  handle.focus({ preventScroll: true });
}

/** Writes a slider's ARIA value attributes (a float32 value as its shortest decimal: 0.31, not 0.3100000023841858). */
export function sliderValue(el, value, { lo, hi }, text) {
  if (Number.isFinite(value)) value = Number(float32Literal(value));
  el.setAttribute('aria-valuenow', String(value));
  el.setAttribute('aria-valuemin', String(Math.min(lo, value)));
  el.setAttribute('aria-valuemax', String(Math.max(hi, value)));
  el.setAttribute('aria-valuetext', text);
}
