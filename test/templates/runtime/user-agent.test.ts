// The user agent: which runtime it names, which header carries it, and that V3 signs it only where it
// is an x-acs-* header (browsers), as Alibaba's SDKs leave `user-agent` out of the signature.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RpcClient } from '../../../templates/runtime/client.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';
import { detectRuntime, userAgentHeader } from '../../../templates/runtime/user-agent.ts';
import { jsonReply, scriptedFetch } from '../../support/scripted-fetch.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE123', accessKeySecret: 'topsecretvalue' };
const info = { toolkit: 'acs-rpc-kit/1.2.3', package: 'acs-rpc-widgets/1.2.3' };
const node = { token: 'node/22.0.0', browser: false };
const browser = { token: 'browser', browser: true };

afterEach(() => vi.unstubAllGlobals());

describe('detectRuntime', () => {
  it.each<[string, object, string]>([
    [
      'Deno (which also has process)',
      { Deno: { version: { deno: '2.1.0' } }, process: { versions: { node: '20.0.0' } } },
      'deno/2.1.0',
    ],
    [
      'Bun (which also has process)',
      { Bun: { version: '1.1.30' }, process: { versions: { node: '22.6.0' } } },
      'bun/1.1.30',
    ],
    ['Node', { process: { versions: { node: '22.3.0' } } }, 'node/22.3.0'],
    ['a browser', { navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131' } }, 'browser'],
    ['an edge runtime', { navigator: { userAgent: 'Cloudflare-Workers' } }, 'unknown'],
  ])('%s', (_name, globals, token) => {
    expect(detectRuntime(globals).token).toBe(token);
  });

  it('names this process’s Node version', () => {
    expect(detectRuntime()).toEqual({ token: `node/${process.versions.node}`, browser: false });
  });
});

describe('userAgentHeader', () => {
  it.each<[string, { suffix?: string; runtime: typeof node; want: [string, string] }]>([
    [
      'toolkit, package and runtime',
      { runtime: node, want: ['user-agent', 'acs-rpc-kit/1.2.3 acs-rpc-widgets/1.2.3 node/22.0.0'] },
    ],
    [
      'the user’s suffix last',
      {
        suffix: 'my-app/2.1',
        runtime: node,
        want: ['user-agent', 'acs-rpc-kit/1.2.3 acs-rpc-widgets/1.2.3 node/22.0.0 my-app/2.1'],
      },
    ],
    [
      'x-acs-user-agent in a browser',
      { runtime: browser, want: ['x-acs-user-agent', 'acs-rpc-kit/1.2.3 acs-rpc-widgets/1.2.3 browser'] },
    ],
  ])('%s', (_name, { suffix, runtime, want }) => {
    expect(userAgentHeader(info, suffix, runtime)).toEqual(want);
  });

  it('refuses a suffix with a line break (header injection) with a typed error', () => {
    expect(() => userAgentHeader(info, 'app\r\nx-evil: 1', node)).toThrow(AcsError);
    expect(() => new RpcClient(widgetsService, { userAgent: 'a\nb' })).toThrow(
      'The userAgent option must be printable ASCII text without line breaks.',
    );
  });
});

describe('RpcClient sends the user agent', () => {
  const page = { RequestId: 'R', Things: { Thing: [] } };
  /** The runtime is read when the client is made: a browser's globals are stubbed for that only. */
  const send = async (signatureVersion: 'v1' | 'v3', inBrowser = false) => {
    const f = scriptedFetch(jsonReply(200, page));
    if (inBrowser) {
      vi.stubGlobal('process', undefined);
      vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/131' });
    }
    const client = new RpcClient(
      { ...widgetsService, userAgent: info },
      { credentials, fetch: f.fetch, signatureVersion, userAgent: 'my-app/2.1' },
    );
    vi.unstubAllGlobals();
    await client.invoke(describeThingsAction, { RegionId: 'cn-north' });
    return f.sent[0]!.init.headers as Record<string, string>;
  };

  it.each(['v1', 'v3'] as const)('as user-agent on Node, outside the %s signature', async (version) => {
    const headers = await send(version);
    expect(headers['user-agent']).toBe(
      `acs-rpc-kit/1.2.3 acs-rpc-widgets/1.2.3 node/${process.versions.node} my-app/2.1`,
    );
    expect(headers.authorization ?? '').not.toContain('user-agent');
  });

  it('as a signed x-acs-user-agent in a browser', async () => {
    const headers = await send('v3', true);
    expect(headers['x-acs-user-agent']).toBe('acs-rpc-kit/1.2.3 acs-rpc-widgets/1.2.3 browser my-app/2.1');
    expect(headers['user-agent']).toBeUndefined();
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-acs-user-agent/);
  });
});
