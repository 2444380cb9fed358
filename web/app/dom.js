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

// Virtual nodes for views that are rebuilt often with mostly the same structure (the breakdown's formula, strip
// and receptive-field table): building plain objects and diffing them against the previous ones is far cheaper
// than building real elements and comparing those with the page's (patchChildren). Same signature as h().
const flat = (children) => children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
  .map((c) => (typeof c === 'object' ? c : String(c)));

/** v('td', { class: 'x', text: '1' }, ...children): a description of an element, drawn by patchVirtual. */
export function v(tag, props, ...children) {
  return { tag, props: props ?? {}, children: flat(children) };
}

function create(vn) {
  if (typeof vn === 'string') return document.createTextNode(vn);
  return build(document.createElement(vn.tag), vn.props, vn.children.map(create));
}

const isUnset = (value) => value === undefined || value === null || value === false;

function updateProps(el, a, b) {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[key];
    const now = b[key];
    if (key === 'text' || key.startsWith('on')) continue; // text: with the children; listeners stay as created
    if (key === 'dataset') {
      const x = was ?? {};
      const y = now ?? {};
      for (const k of Object.keys(x)) if (!(k in y)) delete el.dataset[k];
      for (const [k, value] of Object.entries(y)) if (x[k] !== value) el.dataset[k] = value;
    } else if (was === now) continue;
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = isUnset(now) ? (key === 'value' ? '' : false) : now;
    else if (isUnset(now)) el.removeAttribute(key);
    else el.setAttribute(key, now === true ? '' : String(now));
  }
}

function diff(el, a, b) {
  updateProps(el, a.props, b.props);
  const text = b.props.text;
  if (!isUnset(text)) {
    if (a.props.text !== text || a.children.length) el.textContent = text;
    return;
  }
  if (!isUnset(a.props.text)) el.textContent = '';
  diffChildren(el, isUnset(a.props.text) ? a.children : [], b.children);
}

function diffChildren(parent, prev, next) {
  const nodes = parent.childNodes;
  next.forEach((vn, k) => {
    const old = prev[k];
    const node = nodes[k];
    if (old === undefined || !node) parent.append(create(vn));
    else if (typeof vn === 'string') {
      if (typeof old === 'string') {
        if (old !== vn) node.nodeValue = vn;
      } else parent.replaceChild(create(vn), node);
    } else if (typeof old !== 'string' && old.tag === vn.tag) diff(node, old, vn);
    else parent.replaceChild(create(vn), node);
  });
  for (let k = nodes.length - 1; k >= next.length; k -= 1) nodes[k].remove();
}

/**
 * Makes `parent`'s children match `children` (virtual nodes from v()): the first call draws them, later calls
 * change only the attributes and texts that differ from the previous call's. Nodes are kept by place and tag,
 * as with patchChildren; listeners are those of the node's first drawing. `parent`'s children must be changed
 * only through this function.
 */
export function patchVirtual(parent, children) {
  const next = flat(children);
  const prev = parent.__virtual;
  if (!prev) parent.replaceChildren(...next.map(create));
  else diffChildren(parent, prev, next);
  parent.__virtual = next;
}
