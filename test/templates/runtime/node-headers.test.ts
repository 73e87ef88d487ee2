// The header view of the node:http transport against fetch's Headers built from the same raw list:
// the same answer to get() for any name, and Headers itself for everything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RawHeaders } from '../../../templates/runtime/node-headers.ts';

const name = fc.constantFrom(
  'Content-Type',
  'content-type',
  'X-Multi',
  'x-multi',
  'Date',
  'Set-Cookie',
  'X-A',
);
const value = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', ',', ';', '=', '1') });
const raw = fc.array(fc.tuple(name, value), { maxLength: 8 }).map((pairs) => pairs.flat());

function headersOf(list: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < list.length; i += 2) headers.append(list[i]!, list[i + 1]!);
  return headers;
}

describe('RawHeaders', () => {
  it('answers get() as Headers does: any case, repeated headers joined, values trimmed', () => {
    fc.assert(
      fc.property(raw, name, (list, wanted) => {
        expect(new RawHeaders(list).get(wanted)).toBe(headersOf(list).get(wanted));
      }),
      { numRuns: 1000, seed: 15 },
    );
  });

  it('refuses an invalid name as Headers does', () => {
    expect(() => new RawHeaders([]).get('bad name')).toThrow(TypeError);
  });

  it('iterates, tests and changes like the Headers built from the same list', () => {
    const list = ['X-Multi', 'a', 'Content-Type', 'application/json', 'x-multi', 'b'];
    const view = new RawHeaders(list);
    expect([...view]).toEqual([...(headersOf(list) as unknown as Iterable<[string, string]>)]);
    expect(view.has('content-type')).toBe(true);
    view.set('x-multi', 'c');
    expect(view.get('X-Multi')).toBe('c');
    const seen: string[] = [];
    view.forEach((v, k) => {
      seen.push(`${k}=${v}`);
    });
    expect(seen).toEqual(['content-type=application/json', 'x-multi=c']);
  });
});
