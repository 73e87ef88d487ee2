// parseXml and readXmlDocument: plain data out (no attributes, declarations or processing
// instructions), text trimmed, only XML's own entities and character references decoded, DOCTYPE refused.
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../templates/runtime/descriptors.ts';
import { AcsResponseError } from '../../../templates/runtime/errors.ts';
import { parseXml } from '../../../templates/runtime/xml.ts';
import { readXmlDocument } from '../../../templates/runtime/xml-read.ts';

const S: Shape = { kind: 'object', properties: { A: { kind: 'string' } } };

describe('parseXml', () => {
  it.each<[string, { given: string; want: unknown }]>([
    [
      'drops the declaration',
      { given: '<?xml version="1.0" encoding="UTF-8"?><R><A>1</A></R>', want: { R: { A: '1' } } },
    ],
    ['drops processing instructions', { given: '<?pi data?><R><A>1</A></R>', want: { R: { A: '1' } } }],
    ['drops attributes', { given: '<R id="7"><A lang="en">1</A></R>', want: { R: { A: '1' } } }],
    [
      'keeps the white space of a value, as JSON does',
      { given: '<R><A>  x y\n</A></R>', want: { R: { A: '  x y\n' } } },
    ],
    [
      'drops the layout between elements',
      { given: '<R>\n  <A>1</A>\n  <B><C>2</C>\n  </B>\n</R>', want: { R: { A: '1', B: { C: '2' } } } },
    ],
    ['keeps numbers as text', { given: '<R><A>007</A></R>', want: { R: { A: '007' } } }],
    [
      'decodes the five XML entities',
      { given: '<R><A>&lt;&gt;&amp;&quot;&apos;</A></R>', want: { R: { A: `<>&"'` } } },
    ],
    [
      'leaves HTML entities alone',
      { given: '<R><A>&nbsp;&copy;</A></R>', want: { R: { A: '&nbsp;&copy;' } } },
    ],
    [
      'decodes decimal and hex character references',
      { given: '<R><A>&#20013;&#x6587;&#x1F600;</A></R>', want: { R: { A: '中文😀' } } },
    ],
    ['decodes the last code point', { given: '<R><A>&#x10FFFF;</A></R>', want: { R: { A: '\u{10FFFF}' } } }],
    [
      'keeps a reference beyond Unicode as written',
      { given: '<R><A>&#x110000;</A></R>', want: { R: { A: '&#x110000;' } } },
    ],
    ['repeated elements become a list', { given: '<R><A>1</A><A>2</A></R>', want: { R: { A: ['1', '2'] } } }],
  ])('%s', async (_name, { given, want }) => {
    expect(await parseXml(given)).toEqual(want);
  });

  it.each<[string, { given: string; message: string }]>([
    [
      'a DOCTYPE',
      {
        given: '<!DOCTYPE R [<!ENTITY x "y">]><R>&x;</R>',
        message: 'Malformed XML response: XML with a DOCTYPE or entity declaration is refused.',
      },
    ],
    [
      'an entity declaration in any case',
      {
        given: '<R><!entity x "y"></R>',
        message: 'Malformed XML response: XML with a DOCTYPE or entity declaration is refused.',
      },
    ],
    [
      'unclosed elements',
      {
        given: '<R>\n<A>1</R>',
        message:
          "Malformed XML response: XML is not well formed (line 2: Expected closing tag 'A' (opened in line 2, col 1) instead of closing tag 'R'.).",
      },
    ],
    [
      'an element named __proto__',
      {
        given: '<R><__proto__>1</__proto__></R>',
        message:
          'Malformed XML response: the XML reader refused it ([SECURITY] Invalid name: "__proto__" is a reserved JavaScript keyword that could cause prototype pollution).',
      },
    ],
    [
      'nesting deeper than the reader allows',
      {
        given: `<R>${'<A>'.repeat(200)}x${'</A>'.repeat(200)}</R>`,
        message: 'Malformed XML response: the XML reader refused it (Maximum nested tags exceeded).',
      },
    ],
  ])('refuses %s', async (_name, { given, message }) => {
    const error = await parseXml(given).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({ code: 'Client.MalformedResponse', message });
  });
});

describe('readXmlDocument', () => {
  it('reads the root, normalized', async () => {
    expect(await readXmlDocument('<R><A>1</A></R>', 'R', S)).toEqual({ A: '1' });
  });

  it.each<[string, { given: string; found: string }]>([
    ['another root', { given: '<Q><A>1</A></Q>', found: '<Q>' }],
    ['two roots', { given: '<R/><Q/>', found: '<R>, <Q>' }],
  ])('refuses %s, naming what it found', async (_name, { given, found }) => {
    await expect(readXmlDocument(given, 'R', S)).rejects.toThrow(
      `Malformed XML response: expected the XML root <R>, found ${found}.`,
    );
  });
});
