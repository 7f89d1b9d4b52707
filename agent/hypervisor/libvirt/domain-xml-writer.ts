// A tiny element tree and its serialiser. Builders describe XML as data (`el(...)`)
// rather than concatenating strings, so escaping happens in exactly one place and the
// output format (two-space indent, single-quoted attributes, self-closing empty
// elements) is stable enough to compare byte-for-byte against golden files.
import { escapeXmlAttr, escapeXmlText } from './xml-escape.ts';

export type XmlAttrValue = string | number | undefined;

export interface XmlElement {
  name: string;
  /** Attributes in output order; `undefined` values are omitted. */
  attrs: Record<string, XmlAttrValue>;
  /** Either child elements or text, never both (domain XML has no mixed content). */
  children: XmlElement[];
  text?: string;
}

export type XmlChild = XmlElement | undefined | false;

/** An element with child elements; falsy children are skipped (optional parts). */
export function el(name: string, attrs: Record<string, XmlAttrValue> = {}, ...children: XmlChild[]): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement => c !== undefined && c !== false) };
}

/** An element holding only text. */
export function textEl(name: string, text: string | number, attrs: Record<string, XmlAttrValue> = {}): XmlElement {
  return { name, attrs, children: [], text: String(text) };
}

function renderAttrs(attrs: Record<string, XmlAttrValue>): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}='${escapeXmlAttr(String(value))}'`;
  }
  return out;
}

function renderInto(node: XmlElement, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${renderAttrs(node.attrs)}`;
  if (node.text !== undefined && node.text !== '') {
    lines.push(`${open}>${escapeXmlText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    lines.push(`${open}/>`);
  } else {
    lines.push(`${open}>`);
    for (const child of node.children) renderInto(child, depth + 1, lines);
    lines.push(`${pad}</${node.name}>`);
  }
}

/** Serialise an element tree; the result ends with a newline. */
export function renderXml(node: XmlElement): string {
  const lines: string[] = [];
  renderInto(node, 0, lines);
  return lines.join('\n') + '\n';
}
