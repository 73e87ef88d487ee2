// Tampering works on decoded values, so the tampered-signature check never sends an untouched request.
import { describe, expect, it } from 'vitest';
import { tamperQueryValue } from '../../../../templates/conformance/checks/auth.ts';

const signatureOf = (url: string) => new URL(url).searchParams.get('Signature');

describe('tamperQueryValue', () => {
  it.each<[string, { given: string }]>([
    ['a signature starting with a letter', { given: 'AbC/dE+f=' }],
    ['a signature starting with + (sent as %2B)', { given: '+AbCdEf=' }],
    ['a signature starting with / (sent as %2F)', { given: '/AbCdEf=' }],
    ['a signature starting with A', { given: 'Abcdef==' }],
  ])('changes %s and nothing else', (_name, { given }) => {
    const url = `http://127.0.0.1:1/?SignatureMethod=HMAC-SHA1&Signature=${encodeURIComponent(given)}&SignatureNonce=n`;
    const tampered = tamperQueryValue(url, 'Signature');
    expect(signatureOf(tampered)).not.toBe(given);
    expect(signatureOf(tampered)).toHaveLength(given.length);
    expect(new URL(tampered).searchParams.get('SignatureMethod')).toBe('HMAC-SHA1');
    expect(new URL(tampered).searchParams.get('SignatureNonce')).toBe('n');
  });

  it('changes every one of 64 signatures, whatever base64 character they start with', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (const first of alphabet) {
      const url = `http://h/?Signature=${encodeURIComponent(`${first}xyz=`)}`;
      expect(signatureOf(tamperQueryValue(url, 'Signature'))).not.toBe(`${first}xyz=`);
    }
  });
});
