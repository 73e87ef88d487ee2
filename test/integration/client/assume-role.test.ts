// AssumeRole through the generated STS client, signed by the runtime, against the reference server
// serving spec/sts.yaml: assumeRoleProvider as users wire it (README, "Credentials").
import { assumeRoleProvider, StsClient } from '@acs-rpc/sts';
import { conformanceFacts as sts } from '@acs-rpc/sts/conformance';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/start.ts';

const server = await startServer({ services: [sts], seeds: [] });
afterAll(() => server.close());

const ARN = 'acs:ram::123456789012:role/ops';
/** The spec's example credentials expire at 2015-04-09T11:52:19Z: the provider's clock is set before. */
const BEFORE = Date.parse('2015-04-09T10:52:19Z');

function client() {
  const actions: string[] = [];
  const stsClient = new StsClient({
    endpoint: server.url,
    credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
    hooks: { afterResponse: (info) => void actions.push(`${info.action} ${info.status}`) },
  });
  return { stsClient, actions };
}

describe('assumeRoleProvider over the generated STS client', () => {
  it('gets the role’s credentials from a signed AssumeRole, and keeps them until near Expiration', async () => {
    const { stsClient, actions } = client();
    let t = BEFORE;
    const provider = assumeRoleProvider({
      roleArn: ARN,
      roleSessionName: 'deploy',
      call: (params) => stsClient.assumeRole(params),
      env: {},
      now: () => t,
    });
    expect(await provider()).toEqual({
      accessKeyId: 'STS.L4aBSCSJVMuKg5U1****',
      accessKeySecret: 'wyLTSmsyPGP1ohvvw8xYgB29dlGI8KMiH2pK****',
      securityToken: '********',
    });
    await provider();
    expect(actions).toEqual(['AssumeRole 200']);
    t = Date.parse('2015-04-09T11:50:19Z');
    await provider();
    expect(actions).toEqual(['AssumeRole 200', 'AssumeRole 200']);
  });

  it('fails with the STS client’s own refusal, before sending, for a session name STS would refuse', async () => {
    const { stsClient, actions } = client();
    const provider = assumeRoleProvider({
      roleArn: ARN,
      roleSessionName: 'x',
      call: (params) => stsClient.assumeRole(params),
      env: {},
    });
    await expect(provider()).rejects.toMatchObject({
      code: 'Client.AssumeRoleFailed',
      message: `Assuming role ${ARN} failed (Client.InvalidParameter).`,
    });
    expect(actions).toEqual([]);
  });

  it('answers GetCallerIdentity, the cheap check that credentials work', async () => {
    const { stsClient } = client();
    expect(await stsClient.getCallerIdentity({})).toMatchObject({ IdentityType: 'RAMUser' });
  });
});
