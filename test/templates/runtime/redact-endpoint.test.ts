// Redaction of what hooks and logs see, and endpoint resolution from the spec's rules.
import { describe, expect, it } from 'vitest';
import type { EndpointRules } from '../../../templates/runtime/descriptors.ts';
import { resolveEndpoint } from '../../../templates/runtime/endpoint.ts';
import { redactAuthorization, secretScrubber } from '../../../templates/runtime/redact.ts';
import { redactUrl } from '../../../templates/runtime/redact-request.ts';

describe('redaction', () => {
  it('hides signature and token in URLs and masks the key id', () => {
    expect(
      redactUrl('http://h/?AccessKeyId=LTAIabcdef&Signature=abc%2B%3D&SecurityToken=tok&RegionId=x'),
    ).toBe('http://h/?AccessKeyId=LTAI***&Signature=***&SecurityToken=***&RegionId=x');
  });

  it('keeps the algorithm and signed headers of an Authorization header', () => {
    expect(
      redactAuthorization(
        'ACS3-HMAC-SHA256 Credential=LTAIabcdef,SignedHeaders=host;x-acs-date,Signature=0123abcd',
      ),
    ).toBe('ACS3-HMAC-SHA256 Credential=LTAI***,SignedHeaders=host;x-acs-date,Signature=***');
  });

  it('scrubs known secrets from server text, encoded or not', () => {
    const scrub = secretScrubber(['s3cr3t/+=', 'TOKEN-123'], 'LTAIabcdef');
    expect(scrub('echo s3cr3t/+= and s3cr3t%2F%2B%3D and TOKEN-123 by LTAIabcdef')).toBe(
      'echo *** and *** and *** by LTAI***',
    );
  });
});

describe('resolveEndpoint', () => {
  const rules: EndpointRules = {
    regional: 'ecs.{RegionId}.aliyuncs.com',
    central: 'ecs.aliyuncs.com',
    centralRegions: ['cn-wuhan'],
  };
  it.each<[string, { given: { endpoint?: string; region?: string }; want: string }]>([
    [
      'an explicit URL wins',
      { given: { endpoint: 'http://127.0.0.1:8080', region: 'cn-hangzhou' }, want: 'http://127.0.0.1:8080/' },
    ],
    ['a bare host gets https', { given: { endpoint: 'ecs.example.com' }, want: 'https://ecs.example.com/' }],
    [
      'a region picks its host',
      { given: { region: 'cn-hangzhou' }, want: 'https://ecs.cn-hangzhou.aliyuncs.com/' },
    ],
    [
      'a central region picks the central host',
      { given: { region: 'cn-wuhan' }, want: 'https://ecs.aliyuncs.com/' },
    ],
    ['no region picks the central host', { given: {}, want: 'https://ecs.aliyuncs.com/' }],
  ])('%s', (_name, { given, want }) => {
    expect(resolveEndpoint(rules, given).toString()).toBe(want);
  });

  it.each([
    [{ region: 'cn hangzhou/../x' }, 'Client.InvalidRegion'],
    [{ endpoint: 'ftp://h' }, 'Client.InvalidEndpoint'],
    [{ endpoint: 'http://' }, 'Client.InvalidEndpoint'],
  ])('refuses %j', (given, code) => {
    expect(() => resolveEndpoint(rules, given)).toThrow(expect.objectContaining({ code }));
  });
});
