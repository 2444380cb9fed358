// A tiny element builder. Text always goes through textContent / attributes, never through HTML parsing,
// because much of what the page shows comes from the URL (untrusted).
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h('div', { class: 'x', text: 'hi' }, ...children) */
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${(ids += 1)}`;

/** The focused element in `node`'s tree: its shadow root's (inside <conv1d-playground>) or the document's. */
export function activeOf(node) {
  const root = node.getRootNode?.();
  return root && 'activeElement' in root ? root.activeElement : null;
}

/**
 * Makes `parent`'s children equal to `children` (freshly built nodes) while keeping every existing node whose
 * tag matches at the same place: only changed texts and attributes reach the layout engine, not a whole new
 * subtree. Event listeners are neither copied nor removed, so use it for subtrees whose listeners (if any) do
 * not depend on the data shown.
 */
export function patchChildren(parent, children) {
  const next = children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
  const old = [...parent.childNodes];
  next.forEach((node, k) => {
    const prev = old[k];
    if (!prev) parent.append(node);
    else if (prev.nodeName === node.nodeName && prev.namespaceURI === node.namespaceURI) morph(prev, node);
    else parent.replaceChild(node, prev);
  });
  for (let k = next.length; k < old.length; k += 1) old[k].remove();
}

function morph(target, source) {
  if (target.isEqualNode(source)) return;
  if (target.nodeType !== Node.ELEMENT_NODE) {
    if (target.nodeValue !== source.nodeValue) target.nodeValue = source.nodeValue;
    return;
  }
  for (const name of target.getAttributeNames()) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const name of source.getAttributeNames()) {
    const value = source.getAttribute(name);
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
  patchChildren(target, [...source.childNodes]);
}
