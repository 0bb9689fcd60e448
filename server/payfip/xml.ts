/**
 * A small, strict XML reader for the SOAP messages of PayFiP (no dependency): elements with their
 * namespace resolved, attributes and text. DOCTYPE is refused (no entity expansion, no XXE);
 * only the five predefined entities and character references are decoded.
 */
export interface XmlElement {
  /** Local name, without prefix. */
  local: string;
  /** Namespace URI, or '' when the element is unqualified. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside the element. */
  text: string;
}

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    if (ref in ENTITIES) return ENTITIES[ref];
    throw new XmlError(`unknown entity ${whole}`);
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/**
 * Bounds that keep the reader linear on a hostile body. A SOAP answer of PayFiP is five levels deep
 * and declares three or four namespaces; a body nesting thousands of elements, each declaring one,
 * made every element copy its parent's scope (22 s of CPU for 183 KB before these limits).
 */
const MAX_DEPTH = 64;
const MAX_NAMESPACE_DECLARATIONS = 64;

export function parseXml(source: string): XmlElement {
  if (source.length > 1_000_000) throw new XmlError('document too large');
  let i = 0;
  const stack: Array<{ el: XmlElement; qname: string; scope: Map<string, string> }> = [];
  let root: XmlElement | null = null;
  let declarations = 0;
  const resolve = (prefix: string, scope: Map<string, string>, isAttr = false) => {
    if (prefix === '') return isAttr ? '' : (scope.get('') ?? '');
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    const uri = scope.get(prefix);
    if (uri === undefined) throw new XmlError(`undeclared prefix ${prefix}`);
    return uri;
  };
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > i) {
      const text = source.slice(i, textEnd);
      if (stack.length) stack[stack.length - 1].el.text += decode(text);
      else if (text.trim()) throw new XmlError('text outside the root element');
    }
    if (lt === -1) break;
    if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt);
      if (end === -1) throw new XmlError('unterminated processing instruction');
      i = end + 2;
    } else if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt);
      if (end === -1) throw new XmlError('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt);
      if (end === -1 || !stack.length) throw new XmlError('bad CDATA');
      stack[stack.length - 1].el.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', lt)) {
      throw new XmlError('DOCTYPE and declarations are not accepted');
    } else if (source.startsWith('</', lt)) {
      const end = source.indexOf('>', lt);
      if (end === -1) throw new XmlError('unterminated end tag');
      const qname = source.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new XmlError(`mismatched end tag ${qname}`);
      i = end + 1;
    } else {
      // Start tag: name, attributes, optional self-closing slash.
      const tagRe = /\s*([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')|\s*(\/?)>/y;
      const nameMatch = /<([^\s/>]+)/y;
      nameMatch.lastIndex = lt;
      const m = nameMatch.exec(source);
      if (!m || !NAME.test(m[1])) throw new XmlError('bad start tag');
      const qname = m[1];
      let pos = nameMatch.lastIndex;
      const rawAttrs: Array<[string, string]> = [];
      let selfClosing = false;
      for (;;) {
        tagRe.lastIndex = pos;
        const a = tagRe.exec(source);
        if (!a) throw new XmlError(`bad attribute in <${qname}>`);
        pos = tagRe.lastIndex;
        if (a[1] !== undefined) rawAttrs.push([a[1], decode(a[2].slice(1, -1))]);
        else {
          selfClosing = a[3] === '/';
          break;
        }
      }
      if (stack.length >= MAX_DEPTH) throw new XmlError('document too deep');
      const parentScope = stack.length ? stack[stack.length - 1].scope : new Map<string, string>();
      const declared = rawAttrs.filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
      declarations += declared.length;
      if (declarations > MAX_NAMESPACE_DECLARATIONS) throw new XmlError('too many namespace declarations');
      // An element that declares nothing shares its parent's scope (never modified once built).
      const scope = declared.length ? new Map(parentScope) : parentScope;
      for (const [name, value] of declared) scope.set(name === 'xmlns' ? '' : name.slice(6), value);
      const attrs: Record<string, string> = {};
      for (const [name, value] of rawAttrs) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const [p, l] = name.includes(':') ? name.split(':') : ['', name];
        const uri = resolve(p, scope, true);
        attrs[uri ? `{${uri}}${l}` : l] = value;
      }
      const [prefix, local] = qname.includes(':') ? qname.split(':') : ['', qname];
      const el: XmlElement = { local, ns: resolve(prefix, scope), attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].el.children.push(el);
      else if (root) throw new XmlError('more than one root element');
      else root = el;
      if (!selfClosing) stack.push({ el, qname, scope });
      i = pos;
    }
  }
  if (stack.length || !root) throw new XmlError('unterminated document');
  return root;
}

/** The first child with this local name (and namespace, when given). */
export function child(el: XmlElement | undefined, local: string, ns?: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local && (ns === undefined || c.ns === ns));
}
