// Syntax highlighting for the lesson's Python cells: comments, strings, numbers, keywords and builtins.
// A module of our own rather than a library: the cells hold the small subset the runtime runs (a few dozen lines of
// notebook code), a reader edits them key by key so the colours must follow every keystroke without re-laying-out
// the editor, and the result has to be DOM nodes built with textContent (no innerHTML under the lesson's strict CSP).
// Prism or highlight.js would bring 20-40 KB and a grammar for all of Python to colour four kinds of token; one
// regular expression does it here, and anything it does not recognise stays plain text.

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const BUILTINS = new Set([
  'abs', 'enumerate', 'float', 'int', 'len', 'list', 'max', 'min', 'print', 'range', 'round', 'str', 'sum', 'tuple',
  'zip',
]);

// One alternative per token kind, tried left to right at every position; strings may carry a prefix (f, r, b, …)
// and be triple-quoted, and an unterminated one runs to the end of its line, as the reader is still typing it.
const TOKEN = new RegExp([
  /(?<comment>#[^\n]*)/,
  /(?<string>(?:\b[rRbBfFuU]{1,2})?(?:'''[\s\S]*?(?:'''|(?![\s\S]))|"""[\s\S]*?(?:"""|(?![\s\S]))|'(?:\\.|[^'\\\n])*(?:'|$)|"(?:\\.|[^"\\\n])*(?:"|$)))/,
  /(?<number>\b(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?j?)\b|(?<![\w.])\.\d[\d_]*(?:[eE][+-]?\d+)?)/,
  /(?<word>\b[A-Za-z_][A-Za-z0-9_]*\b)/,
].map((r) => r.source).join('|'), 'gm');

/** The tokens of `source` in order, every character in exactly one: { kind: 'comment'|…|'plain', text }. */
export function pythonTokens(source) {
  const tokens = [];
  let last = 0;
  const plain = (end) => { if (end > last) tokens.push({ kind: 'plain', text: source.slice(last, end) }); };
  for (const match of source.matchAll(TOKEN)) {
    const { comment, string, number, word } = match.groups;
    let kind = comment ? 'comment' : string ? 'string' : number ? 'number' : null;
    if (word) kind = KEYWORDS.has(word) ? 'keyword' : BUILTINS.has(word) ? 'builtin' : null;
    if (!kind) continue;
    plain(match.index);
    tokens.push({ kind, text: match[0] });
    last = match.index + match[0].length;
  }
  plain(source.length);
  return tokens;
}

/** `source` as a fragment of text nodes and `<span class="tok-KIND">` elements, for a `<pre>` or `<code>`. */
export function highlightPython(source, doc = document) {
  const fragment = doc.createDocumentFragment();
  for (const { kind, text } of pythonTokens(source)) {
    if (kind === 'plain') {
      fragment.append(text);
    } else {
      const span = doc.createElement('span');
      span.className = `tok-${kind}`;
      span.textContent = text;
      fragment.append(span);
    }
  }
  return fragment;
}
