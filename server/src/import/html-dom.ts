// A small, forgiving HTML reader for saved web pages: elements, attributes and text, with
// the implied end tags that pages lean on (<p> before a block, <td> before <td>, <tr>
// before <tr>). Scripts and styles are skipped. Enough to find a report among a site's
// chrome and to read its tables; not a browser.

export interface HElement { tag: string; attrs: Record<string, string>; children: HNode[]; parent?: HElement }
export type HNode = HElement | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'keygen']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'xml']);
/** Starting one of these ends an open <p>. */
const CLOSES_P = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'blockquote', 'pre', 'form', 'hr', 'center', 'address', 'figure', 'main']);
/** Implied ends: starting the key closes an open element of the set, unless one of the barrier tags is nearer. */
const IMPLIED: Record<string, { closes: string[]; barrier: string[] }> = {
  li: { closes: ['li'], barrier: ['ul', 'ol'] },
  dt: { closes: ['dt', 'dd'], barrier: ['dl'] },
  dd: { closes: ['dt', 'dd'], barrier: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], barrier: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { closes: ['td', 'th'], barrier: ['tr', 'table'] },
  th: { closes: ['td', 'th'], barrier: ['tr', 'table'] },
  tbody: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], barrier: ['table'] },
  thead: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], barrier: ['table'] },
  tfoot: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], barrier: ['table'] },
  option: { closes: ['option'], barrier: ['select'] },
};

const ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•', copy: '©', reg: '®', times: '×', divide: '÷', yen: '¥',
  emsp: '\u2003', ensp: '\u2002', thinsp: '\u2009', deg: '°', plusmn: '±', laquo: '«', raquo: '»', shy: '', zwnj: '', zwj: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const MAX_DEPTH = 256;
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<\/([a-zA-Z][\w:-]*)[^>]*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR = /([^\s=\/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function parseHtml(html: string): HElement {
  const root: HElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HElement[] = [root];
  const top = () => stack[stack.length - 1];
  const text = (s: string) => { if (s) top().children.push(decodeEntities(s)); };
  const closeTo = (i: number) => { stack.length = Math.max(1, i); };
  let at = 0;
  let lower: string | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    text(html.slice(at, m.index));
    at = TOKEN.lastIndex;
    if (m[1]) {
      const tag = m[1].toLowerCase();
      for (let i = stack.length - 1; i > 0; i--) if (stack[i].tag === tag) { closeTo(i); break; }
      continue;
    }
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (SKIPPED.has(tag) && !m[3].trim().endsWith('/')) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${tag}`, at);
      at = end < 0 ? html.length : end;
      TOKEN.lastIndex = at;
      continue;
    }
    if (CLOSES_P.has(tag)) {
      for (let i = stack.length - 1; i > 0 && !['td', 'th', 'table', 'div', 'li'].includes(stack[i].tag); i--) if (stack[i].tag === 'p') { closeTo(i); break; }
    }
    const implied = IMPLIED[tag];
    if (implied) {
      for (let i = stack.length - 1; i > 0 && !implied.barrier.includes(stack[i].tag); i--) {
        if (implied.closes.includes(stack[i].tag)) { closeTo(i); break; }
      }
    }
    const attrs: Record<string, string> = {};
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(m[3]); a; a = ATTR.exec(m[3])) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    const el: HElement = { tag, attrs, children: [], parent: top() };
    top().children.push(el);
    // Past MAX_DEPTH elements are not opened (their content joins the parent's): no page nests that deep, and readers recurse.
    if (!VOID.has(tag) && !m[3].trim().endsWith('/') && stack.length < MAX_DEPTH) stack.push(el);
  }
  text(html.slice(at));
  return root;
}

export function* elements(node: HElement, tag?: string): Generator<HElement> {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (!tag || c.tag === tag) yield c;
    yield* elements(c, tag);
  }
}

/** The element's text, tags dropped (for <title> and the like). */
export function textOf(node: HNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
