// What hooks, logs and errors may see: signatures, tokens and secrets hidden, key ids masked.
import { describe, expect, it } from 'vitest';
import {
  callScrubber,
  clip,
  MAX_TEXT,
  maskAccessKeyId,
  redactAuthorization,
  redactText,
  secretScrubber,
} from '../../../templates/runtime/redact.ts';

describe('maskAccessKeyId', () => {
  it.each<[string, string]>([
    ['', '***'],
    ['LTAI', '***'],
    ['LTAIx', 'LTAI***'],
    ['STS.abcdef', 'STS.***'],
  ])('%j → %s', (given, want) => {
    expect(maskAccessKeyId(given)).toBe(want);
  });
});

describe('redactAuthorization and redactText', () => {
  it('redacts every Signature= and Credential= up to a comma or space', () => {
    expect(redactAuthorization('Credential=ABCDEFG Signature=1,Signature=2 x')).toBe(
      'Credential=ABCD*** Signature=***,Signature=*** x',
    );
  });

  it.each<[string, { given: string; want: string }]>([
    [
      'query form: hidden up to the next space or comma, over-hiding rather than leaking',
      { given: 'bad Signature=abc&next=1 end', want: 'bad Signature=*** end' },
    ],
    ['a token in a query stops at &', { given: 'SecurityToken=t&next=1', want: 'SecurityToken=***&next=1' }],
    ['JSON form', { given: '{"Signature": "abc", "x": 1}', want: '{"Signature": "***", "x": 1}' }],
    ['colon form, any case', { given: 'securitytoken: tok1 rest', want: 'securitytoken: *** rest' }],
    ['quoted with single quotes', { given: "SecurityToken='t0k'", want: "SecurityToken='***'" }],
    ['a token in XML stops at <', { given: '<m>SecurityToken=abc</m>', want: '<m>SecurityToken=***</m>' }],
    ['stops at a comma', { given: 'Signature=abc,def', want: 'Signature=***,def' }],
    ['every occurrence', { given: 'Signature=a Signature=b', want: 'Signature=*** Signature=***' }],
    ['plain text stays', { given: 'nothing to hide', want: 'nothing to hide' }],
  ])('%s', (_name, { given, want }) => {
    expect(redactText(given)).toBe(want);
  });
});

describe('secretScrubber', () => {
  it('hides plain, encoded and double-encoded forms of each secret, and masks the key id', () => {
    const scrub = secretScrubber(['a/b+c', undefined], 'LTAIabcdef');
    expect(scrub('a/b+c a%2Fb%2Bc a%252Fb%252Bc LTAIabcdef')).toBe('*** *** *** LTAI***');
  });

  it('ignores secrets shorter than 4 characters, which would hide ordinary text', () => {
    const scrub = secretScrubber(['abc', 'abcd'], 'LTAI');
    expect(scrub('abc abcd LTAI')).toBe('abc *** LTAI');
  });

  it('replaces the longest form first, so no piece of a secret is left', () => {
    const scrub = secretScrubber(['abcd', 'abcdefgh'], 'KEYID-LONG');
    expect(scrub('xabcdefghx')).toBe('x***x');
  });

  it('also applies redactText', () => {
    expect(secretScrubber([], 'LTAIabcdef')('Signature=zz')).toBe('Signature=***');
  });
});

describe('callScrubber', () => {
  it('hides only what the server text says of a signature before it learns anything', () => {
    expect(callScrubber().scrub('Signature=zz abcdefgh')).toBe('Signature=*** abcdefgh');
  });

  it('learns each attempt’s secrets and keeps hiding the earlier ones', () => {
    const call = callScrubber();
    call.learn(['first-secret', undefined], 'LTAIfirst');
    call.learn(['second-secret'], 'LTAIsecond');
    expect(call.scrub('first-secret second-secret LTAIfirst LTAIsecond')).toBe('*** *** LTAI*** LTAI***');
  });
});

describe('clip', () => {
  it.each<[string, { given: string; max: number; want: string }]>([
    ['text within the limit stays', { given: 'abcd', max: 4, want: 'abcd' }],
    ['longer text ends in an ellipsis, max in all', { given: 'abcdef', max: 4, want: 'abc…' }],
    ['a surrogate pair is never split', { given: 'ab😀cd', max: 4, want: 'ab…' }],
  ])('%s', (_name, { given, max, want }) => {
    expect(clip(given, max)).toBe(want);
  });

  it('holds MAX_TEXT characters by default', () => {
    expect(clip('x'.repeat(MAX_TEXT + 1))).toHaveLength(MAX_TEXT);
    expect(MAX_TEXT).toBe(1024);
  });
});
