// What hooks and reports may see of a signed request: signature and token hidden by name, key id masked.
import { describe, expect, it } from 'vitest';
import { redactForm, redactHeaders, redactUrl } from '../../../templates/runtime/redact-request.ts';

describe('redactForm and redactUrl', () => {
  it.each<[string, { given: string; want: string }]>([
    [
      'secrets by any case',
      { given: 'signature=a&SECURITYTOKEN=b&Other=c', want: 'signature=***&SECURITYTOKEN=***&Other=c' },
    ],
    ['an encoded key name', { given: 'Signatur%65=a', want: 'Signatur%65=***' }],
    ['the key id decoded then masked', { given: 'AccessKeyId=LTAI%41BCDEF', want: 'AccessKeyId=LTAI***' }],
    ['a pair without =', { given: 'flag&Signature=x', want: 'flag&Signature=***' }],
    ['an = inside the value', { given: 'A=b=c&Signature=x=y', want: 'A=b=c&Signature=***' }],
    ['a name that does not decode', { given: '%E0%A4%A=1&Signature=s', want: '%E0%A4%A=1&Signature=***' }],
    ['a + in a name reads as space', { given: 'Security+Token=x', want: 'Security+Token=x' }],
  ])('%s', (_name, { given, want }) => {
    expect(redactForm(given)).toBe(want);
  });

  it('leaves a URL without query as it is and redacts only after the first ?', () => {
    expect(redactUrl('https://h/a')).toBe('https://h/a');
    expect(redactUrl('https://h/?Signature=a?b&X=1')).toBe('https://h/?Signature=***&X=1');
  });
});

describe('redactHeaders', () => {
  it('hides the token, redacts the authorization, keeps the rest, in any case', () => {
    expect(
      redactHeaders({
        Authorization: 'ACS3-HMAC-SHA256 Credential=LTAIabcdef,SignedHeaders=host,Signature=ff00',
        'X-Acs-Security-Token': 'tok',
        'x-acs-date': '2030-01-01T00:00:00Z',
      }),
    ).toEqual({
      Authorization: 'ACS3-HMAC-SHA256 Credential=LTAI***,SignedHeaders=host,Signature=***',
      'X-Acs-Security-Token': '***',
      'x-acs-date': '2030-01-01T00:00:00Z',
    });
  });
});
