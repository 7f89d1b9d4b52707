// A small, strict XML reader for what libvirt gives back (virDomainGetXMLDesc,
// virDomainGetMetadata): elements, attributes in either quote style, text, CDATA,
// comments, processing instructions and the predefined and numeric entities. DTDs
// are refused (libvirt never emits one, and refusing them rules out entity
// expansion tricks). It does not resolve namespaces; callers do, from `xmlns:*`.
// Hand-written rather than a dependency because this is all strato ever parses and
// the documents are a few kilobytes.

export interface ParsedElement {
  /** Qualified name as written, e.g. `strato:instance`. */
  name: string;
  attrs: Record<string, string>;
  children: ParsedElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
}

export class XmlParseError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'XmlParseError';
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9._:-]*/y;
const ATTR = /\s+([A-Za-z_][A-Za-z0-9._:-]*)\s*=\s*(?:'([^'<]*)'|"([^"<]*)")/y;
const TAG_END = /\s*(\/?)>/y;
const ENTITY = /&(?:(amp|lt|gt|apos|quot)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };

function decode(raw: string, offset: number): string {
  const out = raw.replace(ENTITY, (_m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named !== undefined) return NAMED[named]!;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    if (cp > 0x10ffff) throw new XmlParseError('character reference out of range', offset);
    return String.fromCodePoint(cp);
  });
  // Anything still starting with & was not one of the forms above.
  if (raw.replace(ENTITY, '').includes('&')) throw new XmlParseError('unknown or malformed entity', offset);
  return out;
}

// Attribute-value normalisation (XML 1.0 §3.3.3): literal whitespace becomes a space,
// character references keep what they encode.
const normaliseAttr = (raw: string): string => raw.replace(/[\t\n\r]/g, ' ');

/** Parse a document and return its root element. Throws XmlParseError. */
export function parseXml(xml: string): ParsedElement {
  let pos = 0;
  const stack: ParsedElement[] = [];
  let root: ParsedElement | undefined;

  const skipUntil = (end: string, what: string): void => {
    const i = xml.indexOf(end, pos);
    if (i < 0) throw new XmlParseError(`unterminated ${what}`, pos);
    pos = i + end.length;
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      const top = stack.at(-1);
      if (top) top.text += decode(raw, pos);
      else if (raw.trim() !== '') throw new XmlParseError('text outside the root element', pos);
      pos = textEnd;
      continue;
    }
    if (xml.startsWith('<!--', pos)) skipUntil('-->', 'comment');
    else if (xml.startsWith('<?', pos)) skipUntil('?>', 'processing instruction');
    else if (xml.startsWith('<![CDATA[', pos)) {
      const start = pos + 9;
      skipUntil(']]>', 'CDATA section');
      const top = stack.at(-1);
      if (!top) throw new XmlParseError('CDATA outside the root element', start);
      top.text += xml.slice(start, pos - 3);
    } else if (xml.startsWith('<!', pos)) {
      throw new XmlParseError('DTDs and declarations are not accepted', pos);
    } else if (xml.startsWith('</', pos)) {
      NAME.lastIndex = pos + 2;
      const m = NAME.exec(xml);
      const top = stack.pop();
      if (!m || !top || m[0] !== top.name) throw new XmlParseError('mismatched end tag', pos);
      TAG_END.lastIndex = NAME.lastIndex;
      const end = TAG_END.exec(xml);
      if (!end || end[1] === '/') throw new XmlParseError('malformed end tag', pos);
      pos = TAG_END.lastIndex;
    } else {
      NAME.lastIndex = pos + 1;
      const m = NAME.exec(xml);
      if (!m) throw new XmlParseError('malformed start tag', pos);
      const node: ParsedElement = { name: m[0], attrs: {}, children: [], text: '' };
      let cursor = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = cursor;
        const a = ATTR.exec(xml);
        if (!a) break;
        const key = a[1]!;
        if (Object.hasOwn(node.attrs, key)) throw new XmlParseError(`duplicate attribute ${key}`, cursor);
        node.attrs[key] = decode(normaliseAttr(a[2] ?? a[3] ?? ''), cursor);
        cursor = ATTR.lastIndex;
      }
      TAG_END.lastIndex = cursor;
      const end = TAG_END.exec(xml);
      if (!end) throw new XmlParseError('malformed start tag', cursor);
      pos = TAG_END.lastIndex;
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else if (root) throw new XmlParseError('more than one root element', pos);
      else root = node;
      if (end[1] !== '/') stack.push(node);
    }
  }
  if (stack.length > 0) throw new XmlParseError(`unclosed element ${stack.at(-1)!.name}`, pos);
  if (!root) throw new XmlParseError('no root element', 0);
  return root;
}

/** The part of a qualified name after the prefix. */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
