// XML responses normalize to exactly the JSON shape: lists always arrays, numbers numbers.
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../templates/runtime/descriptors.ts';
import { AcsResponseError } from '../../../templates/runtime/errors.ts';
import { normalize } from '../../../templates/runtime/normalize.ts';
import { readXmlDocument } from '../../../templates/runtime/xml-read.ts';

const item: Shape = {
  kind: 'object',
  properties: { InstanceId: { kind: 'string' }, Status: { kind: 'string' } },
};
const shape: Shape = {
  kind: 'object',
  properties: {
    RequestId: { kind: 'string' },
    TotalCount: { kind: 'integer' },
    InstanceStatuses: {
      kind: 'object',
      properties: { InstanceStatus: { kind: 'array', items: item, xmlItemName: 'InstanceStatus' } },
    },
  },
};
const doc = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><R><RequestId>0042</RequestId><TotalCount>7</TotalCount><InstanceStatuses>${items}</InstanceStatuses></R>`;
const entry = (id: string) =>
  `<InstanceStatus><InstanceId>${id}</InstanceId><Status>Running</Status></InstanceStatus>`;

describe('readXmlDocument', () => {
  it.each([
    ['no items (empty element)', doc(''), []],
    [
      'no items (self-closing)',
      doc('').replace('<InstanceStatuses></InstanceStatuses>', '<InstanceStatuses/>'),
      [],
    ],
    ['one item', doc(entry('i-1')), ['i-1']],
    ['many items', doc(entry('i-1') + entry('i-2') + entry('i-3')), ['i-1', 'i-2', 'i-3']],
  ])('reads a list of %s as an array', async (_name, xml, ids) => {
    const value = (await readXmlDocument(xml, 'R', shape)) as {
      InstanceStatuses: { InstanceStatus: { InstanceId: string }[] };
    };
    expect(value.InstanceStatuses.InstanceStatus.map((s) => s.InstanceId)).toEqual(ids);
  });

  it('keeps numeric-looking strings as strings and makes integers numbers', async () => {
    expect(await readXmlDocument(doc(''), 'R', shape)).toEqual({
      RequestId: '0042',
      TotalCount: 7,
      InstanceStatuses: { InstanceStatus: [] },
    });
  });

  it('decodes the XML entities and character references, and nothing else', async () => {
    const value = await readXmlDocument(
      doc(entry('a &amp; b &lt;c&gt; &#x4E2D;&#25991; &quot;')),
      'R',
      shape,
    );
    expect(value).toMatchObject({
      InstanceStatuses: { InstanceStatus: [{ InstanceId: 'a & b <c> 中文 "' }] },
    });
  });

  it.each([
    [
      'a DOCTYPE with an entity',
      '<!DOCTYPE r [<!ENTITY e "boom">]><R><RequestId>&e;</RequestId></R>',
      /DOCTYPE/,
    ],
    ['an unclosed element', '<R><RequestId>x</R>', /not well formed/],
    ['another root', '<Error><Code>x</Code></Error>', /expected the XML root <R>, found <Error>/],
    [
      'a non-integer count',
      doc('').replace('>7<', '>seven<'),
      /TotalCount should be an integer, got "seven"/,
    ],
    ['an HTML page', '<html><body>502 Bad Gateway</body>', /not well formed/],
  ])('refuses %s with a typed error', async (_name, xml, message) => {
    const error = await readXmlDocument(xml, 'R', shape).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect((error as AcsResponseError).code).toBe('Client.MalformedResponse');
    expect((error as Error).message).toMatch(message);
  });
});

describe('normalize (JSON)', () => {
  it('wraps a single object where a list is expected and reads numeric strings', () => {
    const json = {
      RequestId: 'r',
      TotalCount: '2',
      InstanceStatuses: { InstanceStatus: { InstanceId: 'i', Status: 'Running' } },
    };
    expect(normalize(json, shape)).toEqual({
      RequestId: 'r',
      TotalCount: 2,
      InstanceStatuses: { InstanceStatus: [{ InstanceId: 'i', Status: 'Running' }] },
    });
  });

  it('gives an empty list when the wrapper has none, and keeps unknown fields', () => {
    expect(normalize({ RequestId: 'r', TotalCount: 0, InstanceStatuses: {}, Extra: 1 }, shape)).toEqual({
      RequestId: 'r',
      TotalCount: 0,
      InstanceStatuses: { InstanceStatus: [] },
      Extra: 1,
    });
  });

  it('names the field when the type is wrong', () => {
    expect(() => normalize({ TotalCount: 1.5 }, shape)).toThrow(
      'Response field TotalCount should be an integer',
    );
    expect(() => normalize({ InstanceStatuses: { InstanceStatus: ['x'] } }, shape)).toThrow(
      'Response field InstanceStatuses.InstanceStatus[0] should be an object',
    );
  });
});
