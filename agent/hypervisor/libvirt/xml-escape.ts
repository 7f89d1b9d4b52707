// Escaping for the XML we hand to libvirt. Every value that reaches a domain XML goes
// through one of these two functions (via domain-xml-writer.ts), so a user-chosen
// instance name like `</name><devices>…` stays text and can never become markup.
// The agent's checks of a spec (../instance-spec-validate.ts) reject the characters
// XML 1.0 cannot carry at all (most C0 controls); these functions assume that.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// Attributes are written in single quotes (libvirt's docs and our goldens use them), but
// both quote kinds are escaped so the output stays safe if the quoting ever changes.
// Tabs and newlines are written as character references: a parser would otherwise
// normalise them to spaces and the value would not round-trip.
const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escape a value for use as element text content. */
export function escapeXmlText(value: string): string {
  // \r is kept as a reference: a parser would turn a literal CR (or CRLF) into LF.
  return value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!).replace(/\r/g, '&#13;');
}

/** Escape a value for use inside a quoted attribute (either quote style). */
export function escapeXmlAttr(value: string): string {
  return value.replace(/[&<>'"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

// XML 1.0 Char production: tab, LF, CR, and everything from U+0020 except surrogates
// (handled by the `u` flag: lone surrogates never match a code point class) and
// U+FFFE/U+FFFF.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** True if every character of `value` may appear in an XML 1.0 document. */
export function isXmlSafe(value: string): boolean {
  return XML_CHAR.test(value);
}
