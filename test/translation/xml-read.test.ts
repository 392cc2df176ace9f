/** The XML reader under the XLIFF import: strict XML 1.0, places of start tags and problems, whatever the chunks. */
import { describe, expect, it } from 'vitest';
import { attributeOf, parseXml } from '../../scripts/translation/xml-read.js';
import type { XmlElement, XmlReadResult } from '../../scripts/translation/xml-read.js';

const encoder = new TextEncoder();

/** Parse `text` in one chunk and byte by byte: both must give the same. */
async function parseBoth(text: string): Promise<XmlReadResult> {
  const whole = await parseXml([encoder.encode(text)]);
  const bytewise = await parseXml(Array.from(encoder.encode(text), (byte) => new Uint8Array([byte])));
  expect(bytewise).toEqual(whole);
  return whole;
}

async function problemOf(text: string): Promise<[string, number, number]> {
  const result = await parseBoth(text);
  if (!('error' in result)) throw new Error('expected a problem');
  return [result.error.reason, result.error.place.line, result.error.place.column];
}

describe('parseXml', () => {
  it('gives elements with namespaces, attributes, text and the place of each start tag', async () => {
    const result = await parseBoth(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<x:a xmlns:x="urn:x" x:b="1" c="&lt;2&#x3E;">\r\n  <d>é &amp; <![CDATA[<e>]]></d><f/>\r\n</x:a>\n',
    );
    if ('error' in result) throw new Error(result.error.reason);
    const root = result.root;
    expect([root.name, root.uri, root.local, root.place]).toEqual(['x:a', 'urn:x', 'a', { line: 2, column: 1 }]);
    expect([attributeOf(root, 'b', 'urn:x'), attributeOf(root, 'c'), attributeOf(root, 'b')]).toEqual([
      '1',
      '<2>',
      undefined,
    ]);
    const [space, d, f] = root.children as [string, XmlElement, XmlElement];
    expect(space).toBe('\n  ');
    expect([d.place, d.children]).toEqual([{ line: 3, column: 3 }, ['é & <e>']]);
    expect(f.place).toEqual({ line: 3, column: 33 });
  });

  it.each([
    ['<a>x&#7;y</a>', 1, 5, /^Unexpected character reference `&#7;` \(U\+0007\)/],
    ['<a>\n  <b c="&#x1;"/></a>', 2, 9, /^Unexpected character reference `&#x1;` \(U\+0001\)/],
    ['<?xml version="1.1"?><a>&#7;</a>', 1, 25, /^Unexpected character reference `&#7;`/],
    ['<a>&#xFFFE;</a>', 1, 4, /^Unexpected character reference `&#xFFFE;` \(U\+FFFE\)/],
    ['<a>\r\n\u0007</a>', 2, 1, /^Unexpected character U\+0007/],
    ['<a>R&D; &amp;</a>', 1, 5, /^Unexpected entity reference `&D;`/],
    ['<a>R&D and more</a>', 1, 5, /^Unexpected `&`/],
    ['<a>&nbsp;</a>', 1, 4, /^Unexpected entity reference `&nbsp;`/],
    ['<!DOCTYPE a [<!ENTITY x "y">]>\n<a>&x;</a>', 1, 1, /^Unexpected document type declaration/],
    ['<a>\r\n<b>\r\n  </c></b></a>', 3, 3, /^Unexpected end tag `<\/c>`, expected `<\/b>`/],
    ['<a>\n  <b>\n</a>', 3, 1, /^Unexpected end tag `<\/a>`, expected `<\/b>`/],
    ['<a>\n  <b>', 2, 3, /^Unclosed element `<b>`/],
    ['<a/><b/>', 1, 5, /^Unexpected second root element/],
    ['  Text\n', 1, 3, /^Unexpected text outside the root element/],
    ['<a>< b</a>', 1, 4, /^Unexpected `<`, expected a tag name/],
    ['<?xml version="1.0" encoding="ISO-8859-2"?><a/>', 1, 1, /^Unexpected encoding `ISO-8859-2`/],
    ['', 1, 1, /^Expected an XML document, found no element/],
  ])('refuses %j at %i:%i', async (text, line, column, reason) => {
    const [said, ...place] = await problemOf(text);
    expect(place).toEqual([line, column]);
    expect(said).toMatch(reason);
  });

  it('refuses bytes that are not UTF-8, and a document over the size it is given', async () => {
    expect(await parseXml([new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])])).toMatchObject({
      error: { kind: 'encoding' },
    });
    expect(await parseXml([encoder.encode('<a>'), encoder.encode('text</a>')], { maxBytes: 8 })).toMatchObject({
      error: { kind: 'too-large' },
    });
  });
});
