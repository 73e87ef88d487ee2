// Endpoint resolution from the spec's rules (templates/runtime/endpoint.ts).
import { describe, expect, it } from 'vitest';
import type { EndpointRules } from '../../../templates/runtime/descriptors.ts';
import { endpointResolver, resolveEndpoint } from '../../../templates/runtime/endpoint.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';

const rules: EndpointRules = {
  regional: 'ecs.{RegionId}.aliyuncs.com',
  central: 'ecs.aliyuncs.com',
  centralRegions: ['cn-hangzhou', 'cn-beijing'],
};

type Given = { endpoint?: string; region?: string };

describe('resolveEndpoint', () => {
  it.each<[string, { given: Given; want: string }]>([
    [
      'an explicit http URL wins over the region',
      { given: { endpoint: 'http://127.0.0.1:8080', region: 'cn-shanghai' }, want: 'http://127.0.0.1:8080/' },
    ],
    [
      'an explicit https URL',
      { given: { endpoint: 'https://ecs.example.com' }, want: 'https://ecs.example.com/' },
    ],
    ['a bare host gets https', { given: { endpoint: 'ecs.example.com' }, want: 'https://ecs.example.com/' }],
    [
      'a bare host:port gets https',
      { given: { endpoint: 'localhost:8443' }, want: 'https://localhost:8443/' },
    ],
    ['the scheme is matched case-insensitively', { given: { endpoint: 'HTTP://h:1' }, want: 'http://h:1/' }],
    ['a default port disappears', { given: { endpoint: 'https://h:443' }, want: 'https://h/' }],
    [
      'a regional region fills the template',
      { given: { region: 'cn-shanghai' }, want: 'https://ecs.cn-shanghai.aliyuncs.com/' },
    ],
    [
      'an overseas region fills the template',
      { given: { region: 'ap-southeast-1' }, want: 'https://ecs.ap-southeast-1.aliyuncs.com/' },
    ],
    [
      'a central region picks the central host',
      { given: { region: 'cn-hangzhou' }, want: 'https://ecs.aliyuncs.com/' },
    ],
    ['no region picks the central host', { given: {}, want: 'https://ecs.aliyuncs.com/' }],
  ])('%s', (_name, { given, want }) => {
    const url = resolveEndpoint(rules, given);
    expect(url.toString()).toBe(want);
  });

  it.each<[string, { given: Given; code: string; message: RegExp }]>([
    [
      'a region with a space and a slash',
      {
        given: { region: 'cn hangzhou/../x' },
        code: 'Client.InvalidRegion',
        message: /^region "cn hangzhou/,
      },
    ],
    [
      'a region that would change the host',
      { given: { region: 'evil.com#' }, code: 'Client.InvalidRegion', message: /^region / },
    ],
    [
      'an upper-case region',
      { given: { region: 'CN-HANGZHOU' }, code: 'Client.InvalidRegion', message: /^region / },
    ],
    [
      'an empty region',
      { given: { region: '' }, code: 'Client.InvalidRegion', message: /^region "" is not/ },
    ],
    [
      'a scheme other than http(s)',
      { given: { endpoint: 'ftp://h' }, code: 'Client.InvalidEndpoint', message: /not ftp:/ },
    ],
    [
      'a URL with no host',
      { given: { endpoint: 'http://' }, code: 'Client.InvalidEndpoint', message: /not a URL/ },
    ],
    ['an empty endpoint', { given: { endpoint: '' }, code: 'Client.InvalidEndpoint', message: /not a URL/ }],
    [
      'user info in the URL',
      { given: { endpoint: 'https://me:pa55word@h' }, code: 'Client.InvalidEndpoint', message: /user name/ },
    ],
  ])('refuses %s', (_name, { given, code, message }) => {
    let error: unknown;
    try {
      resolveEndpoint(rules, given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(JSON.stringify(error)).not.toContain('pa55word');
  });
});

describe('resolveEndpoint, explicit endpoints exactly', () => {
  const rules: EndpointRules = {
    regional: 'w.{RegionId}.example.test',
    central: 'w.example.test',
    centralRegions: [],
  };
  it.each<[string, { endpoint: string; want: string }]>([
    ['a bare host with a port means https', { endpoint: 'localhost:8080', want: 'https://localhost:8080/' }],
    ['an upper-case scheme', { endpoint: 'HTTP://h.example.test', want: 'http://h.example.test/' }],
    [
      'a scheme-like text later in a bare host',
      { endpoint: 'h.example.test/a://b', want: 'https://h.example.test/a://b' },
    ],
  ])('%s', (_name, { endpoint, want }) => {
    expect(resolveEndpoint(rules, { endpoint }).toString()).toBe(want);
  });

  it.each([
    ['a user name', 'http://user@h.example.test'],
    ['a password alone', 'http://:pw@h.example.test'],
  ])('refuses %s without repeating it', (_name, endpoint) => {
    let error: unknown;
    try {
      resolveEndpoint(rules, { endpoint });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({
      code: 'Client.InvalidEndpoint',
      message: 'endpoint must not contain a user name or password.',
    });
  });
});

describe('endpointResolver', () => {
  it('resolves as resolveEndpoint does, each region once', () => {
    const resolve = endpointResolver(rules, undefined);
    for (const region of ['cn-shanghai', 'cn-hangzhou', undefined])
      expect(resolve(region).href).toBe(resolveEndpoint(rules, { region }).href);
    expect(resolve('cn-shanghai')).toBe(resolve('cn-shanghai'));
    expect(resolve('cn-shanghai')).not.toBe(resolve('us-west-1'));
  });

  it('gives an explicit endpoint whatever the region, and keeps no failure', () => {
    const explicit = endpointResolver(rules, 'http://127.0.0.1:8080');
    expect(explicit('cn-shanghai')).toBe(explicit('us-west-1'));
    const resolve = endpointResolver(rules, undefined);
    expect(() => resolve('Bad Region')).toThrow(AcsError);
    expect(() => resolve('Bad Region')).toThrow(AcsError);
  });
});
