// The escaping and the small XML reader underneath the builders and the metadata parser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseXml, XmlParseError } from '../../../agent/hypervisor/libvirt/domain-xml-parse.ts';
import { el, renderXml, textEl } from '../../../agent/hypervisor/libvirt/domain-xml-writer.ts';
import { escapeXmlAttr, escapeXmlText, isXmlSafe } from '../../../agent/hypervisor/libvirt/xml-escape.ts';

describe('xml escaping', () => {
  test('text escapes &, <, > and CR', () => {
    assert.equal(escapeXmlText(`a&b<c>d'e"f\rg`), `a&amp;b&lt;c&gt;d'e"f&#13;g`);
  });

  test('attributes escape both quotes and whitespace that parsers normalise', () => {
    assert.equal(escapeXmlAttr(`<&>'"\t\n\r`), '&lt;&amp;&gt;&apos;&quot;&#9;&#10;&#13;');
  });

  test('isXmlSafe refuses characters XML 1.0 cannot carry', () => {
    assert.ok(isXmlSafe('plain ü 中 🚀\t\n'));
    for (const bad of ['\u0000', '\u0008', '\u000b', '\uFFFE', '\uD800']) assert.equal(isXmlSafe(`a${bad}`), false);
  });

  test('whatever goes in comes back out of the parser', () => {
    const nasty = `</x><!-- &amp; ]]> '" \t\n\r ü 🚀 &#65;`;
    const xml = renderXml(el('root', { a: nasty }, textEl('t', nasty)));
    const root = parseXml(xml);
    assert.equal(root.attrs['a'], nasty);
    assert.equal(root.children[0]?.text, nasty);
  });
});

describe('xml parsing', () => {
  test('reads both quote styles, comments, PIs, CDATA and character references', () => {
    const root = parseXml(
      `<?xml version="1.0"?>\n<!-- hi --><a x="1" y='2'><b>&lt;&#x41;&#66;</b><![CDATA[<raw>]]></a>`,
    );
    assert.deepEqual(root.attrs, { x: '1', y: '2' });
    assert.equal(root.children[0]?.text, '<AB');
    assert.equal(root.text, '<raw>');
  });

  for (const [what, xml] of [
    ['a DTD (no entity expansion)', '<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>'],
    ['an unknown entity', '<a>&e;</a>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['two roots', '<a/><b/>'],
    ['duplicate attributes', `<a x='1' x='2'/>`],
    ['an unquoted attribute', '<a x=1/>'],
    ['an empty document', ''],
    ['a huge character reference', '<a>&#99999999;</a>'],
  ] as const) {
    test(`refuses ${what}`, () => assert.throws(() => parseXml(xml), XmlParseError));
  }
});
