// The instance role's STS token, from a stand-in metadata service, signing real calls that the
// reference server verifies (it knows the STS test key and its token): the provider as users wire it.
import { instanceRoleProvider, StsClient } from '@acs-rpc/sts';
import { conformanceFacts as sts } from '@acs-rpc/sts/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start.ts';
import { startMetadataServer } from '../../support/metadata-server.ts';

const server = await startServer({ services: [sts], seeds: [] });
const imds = await startMetadataServer({
  document: () => ({
    AccessKeyId: 'STS.testid',
    AccessKeySecret: 'testsecret',
    SecurityToken: 'teststsToken',
    Expiration: '2099-01-01T00:00:00Z',
    Code: 'Success',
  }),
});
afterAll(async () => {
  await server.close();
  await imds.close();
});

describe('instanceRoleProvider signing calls', () => {
  it.each(['v3', 'v1'] as const)(
    'signs %s calls with the role’s key and token, fetched once',
    async (version) => {
      imds.reset();
      const client = new StsClient({
        endpoint: server.url,
        signatureVersion: version,
        credentials: instanceRoleProvider({ endpoint: imds.url, env: {} }),
      });
      expect(await client.getCallerIdentity({})).toMatchObject({ IdentityType: 'RAMUser' });
      expect(await client.getCallerIdentity({})).toMatchObject({ IdentityType: 'RAMUser' });
      expect(imds.requests.map((r) => r.method)).toEqual(['PUT', 'GET', 'GET']);
    },
  );

  it('fails the call with the provider’s typed error when the role has no credentials', async () => {
    imds.reset();
    imds.state.status = 404;
    const client = new StsClient({
      endpoint: server.url,
      credentials: instanceRoleProvider({ endpoint: imds.url, env: {} }),
    });
    await expect(client.getCallerIdentity({})).rejects.toMatchObject({
      name: 'AcsCredentialsError',
      code: 'Client.MetadataRefused',
    });
  });
});
