// instanceRoleProvider against a stand-in metadata service on 127.0.0.1: IMDSv2 tokens and the v1
// fallback by the official library's rules, the role name asked or given, caching and refresh by the
// document's Expiration, and typed errors that never quote the document.
import { inspect } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { instanceRoleProvider } from '../../../templates/runtime/credentials-instance-role.ts';
import { AcsCredentialsError } from '../../../templates/runtime/errors.ts';
import { type MetadataServer, roleDocument, startMetadataServer } from '../../support/metadata-server.ts';

const server: MetadataServer = await startMetadataServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const NOW = Date.UTC(2026, 11, 6, 10); // two hours before the documents expire
const provider = (options: Parameters<typeof instanceRoleProvider>[0] = {}) =>
  instanceRoleProvider({ endpoint: server.url, env: {}, now: () => NOW, ...options });
const seen = () => server.requests.map((r) => `${r.method} ${r.path} ${r.token ?? '-'}`);

async function failure(p: () => Promise<unknown>): Promise<AcsCredentialsError> {
  return p().then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e as AcsCredentialsError,
  );
}

describe('instanceRoleProvider: how it asks', () => {
  it('takes a session token (IMDSv2), asks the role name, then its credentials, with the token', async () => {
    expect(await provider()()).toEqual({
      accessKeyId: 'STS.id-1',
      accessKeySecret: 'imds-secret-1',
      securityToken: 'imds-token-1',
    });
    expect(seen()).toEqual([
      'PUT /latest/api/token -',
      'GET /latest/meta-data/ram/security-credentials/ token-1',
      'GET /latest/meta-data/ram/security-credentials/test-role token-1',
    ]);
    expect(server.requests[0]?.ttl).toBe('21600');
  });

  it.each([
    ['the option', { roleName: 'test-role' }],
    ['ALIBABA_CLOUD_ECS_METADATA', { env: { ALIBABA_CLOUD_ECS_METADATA: 'test-role' } }],
  ])('does not ask the role name when %s gives it', async (_n, options) => {
    await provider(options)();
    expect(seen()).toEqual([
      'PUT /latest/api/token -',
      'GET /latest/meta-data/ram/security-credentials/test-role token-1',
    ]);
  });

  it('falls back to v1 reads when the service gives no token', async () => {
    server.state.mode = 'v1-only';
    expect((await provider()()).accessKeyId).toBe('STS.id-1');
    expect(seen()).toEqual([
      'PUT /latest/api/token -',
      'GET /latest/meta-data/ram/security-credentials/ -',
      'GET /latest/meta-data/ram/security-credentials/test-role -',
    ]);
  });

  it('falls back to a v1 read when a read with the token is refused, and refuses it without v1', async () => {
    server.state.mode = 'token-refused';
    expect((await provider({ roleName: 'test-role' })()).accessKeyId).toBe('STS.id-1');
    expect(seen()).toEqual([
      'PUT /latest/api/token -',
      'GET /latest/meta-data/ram/security-credentials/test-role token-1',
      'GET /latest/meta-data/ram/security-credentials/test-role -',
    ]);
    const error = await failure(provider({ roleName: 'test-role', disableImdsV1: true }));
    expect(error).toMatchObject({
      code: 'Client.MetadataRefused',
      message: 'The instance metadata service refused role "test-role" (HTTP 403).',
    });
  });

  it.each([
    ['disableImdsV1', { disableImdsV1: true }],
    ['ALIBABA_CLOUD_IMDSV1_DISABLED=true', { env: { ALIBABA_CLOUD_IMDSV1_DISABLED: 'TRUE' } }],
  ])('never reads without a token under %s', async (_n, options) => {
    server.state.mode = 'v1-only';
    const error = await failure(provider(options));
    expect(error).toMatchObject({
      code: 'Client.MetadataRefused',
      message: 'The instance metadata service refused a session token (IMDSv2) (HTTP 404).',
    });
    expect(seen()).toEqual(['PUT /latest/api/token -']);
  });

  it('caches until the refresh window, then refreshes by the document’s Expiration', async () => {
    let t = NOW;
    const p = provider({ now: () => t });
    await p();
    await p();
    expect(server.requests).toHaveLength(3);
    t = Date.UTC(2026, 11, 6, 11, 58); // two minutes before expiry: past the margin
    expect((await p()).accessKeyId).toBe('STS.id-2');
    expect(server.requests).toHaveLength(6);
  });

  it('shares one refresh among concurrent calls', async () => {
    const p = provider();
    const all = await Promise.all(Array.from({ length: 5 }, () => p()));
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['STS.id-1']));
    expect(server.requests).toHaveLength(3);
  });
});

describe('instanceRoleProvider: errors', () => {
  const SECRETS = ['imds-secret-1', 'imds-token-1'];

  it.each<[string, Partial<MetadataServer['state']>, string, string]>([
    [
      'a Code other than Success',
      { document: () => ({ ...roleDocument(1, '2026-12-06T12:00:00Z'), Code: 'Failed' }) },
      'Client.MetadataRefused',
      'Unusable the metadata service\'s credentials of role "test-role" (Code Failed).',
    ],
    [
      'a document that is not JSON',
      { document: () => '{"AccessKeySecret": "imds-secret-1"' },
      'Client.MetadataRefused',
      'Unusable the metadata service\'s credentials of role "test-role".',
    ],
    [
      'no Expiration',
      { document: () => ({ ...roleDocument(1, ''), Expiration: undefined }) },
      'Client.MetadataRefused',
      'No valid Expiration in the metadata service\'s credentials of role "test-role".',
    ],
    [
      'no secret',
      { document: () => ({ ...roleDocument(1, '2026-12-06T12:00:00Z'), AccessKeySecret: '' }) },
      'Client.MetadataRefused',
      'No AccessKeyId, AccessKeySecret or SecurityToken in the metadata service\'s credentials of role "test-role".',
    ],
    [
      'a refused read',
      { status: 500 },
      'Client.MetadataRefused',
      'The instance metadata service refused role "test-role" (HTTP 500).',
    ],
    [
      'no role attached',
      { role: '' },
      'Client.MetadataRefused',
      'The instance metadata service refused the role name (HTTP 404).',
    ],
  ])('%s', async (_n, state, code, message) => {
    Object.assign(server.state, state);
    const error = await failure(provider());
    expect(error).toBeInstanceOf(AcsCredentialsError);
    expect(error).toMatchObject({ code, message });
    const shown = [error.message, JSON.stringify(error), inspect(error), error.stack ?? ''].join('\n');
    for (const secret of SECRETS) expect(shown).not.toContain(secret);
  });

  it.each(['100.100.100.200', 'ftp://127.0.0.1', 'http://user:pw@127.0.0.1'])(
    'refuses the endpoint %s at once, without quoting it',
    (endpoint) => {
      expect(() => instanceRoleProvider({ endpoint, env: {} })).toThrow(
        expect.objectContaining({
          code: 'Client.InvalidEndpoint',
          message:
            'The metadata endpoint must be an http or https URL without user info, like http://100.100.100.200.',
        }),
      );
    },
  );

  it('fails fast with a typed error when the service hangs', async () => {
    server.state.hang = true;
    const error = await failure(provider({ timeoutMs: 50, disableImdsV1: true }));
    expect(error).toMatchObject({
      code: 'Client.MetadataUnavailable',
      message: `The instance metadata service at ${server.url} did not answer (Client.Timeout).`,
    });
  });

  it('fails with a typed error when nothing listens (off an instance)', async () => {
    const gone = await startMetadataServer();
    await gone.close();
    const error = await failure(instanceRoleProvider({ endpoint: gone.url, env: {} }));
    expect(error).toMatchObject({
      code: 'Client.MetadataUnavailable',
      message: `The instance metadata service at ${gone.url} did not answer (Client.NetworkError).`,
    });
  });
});
