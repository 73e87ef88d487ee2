// Debug logging through the logger hook: one line per attempt (action, attempt, status, request id,
// time taken, on the injected clock), and no secret, key id or signature in any of it.
import { describe, expect, it, vi } from 'vitest';
import { RpcClient } from '../../../templates/runtime/client.ts';
import { jsonReply, scriptedFetch, serviceError } from '../../support/scripted-fetch.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE123',
  accessKeySecret: 'topsecretvalue',
  securityToken: 'sts-token-value-xyz',
};
const page = { RequestId: 'REQ-OK', Things: { Thing: [] } };

function setup(replies: Response[]) {
  const f = scriptedFetch(...replies);
  let clock = Date.parse('2030-01-01T00:00:00Z');
  const debug = vi.fn();
  const warn = vi.fn();
  const client = new RpcClient(widgetsService, {
    credentials,
    fetch: async (url, init) => {
      clock += 25; // each answer takes 25 ms on the client's clock
      return f.fetch(url, init);
    },
    now: () => clock,
    random: () => 0,
    sleep: async () => {},
    logger: { warn, debug },
  });
  return { client, debug, warn, sent: f.sent };
}

describe('logger.debug', () => {
  it('gets one line per attempt, failures and retries included', async () => {
    const { client, debug } = setup([jsonReply(503, serviceError('InternalError')), jsonReply(200, page)]);
    await client.invoke(describeThingsAction, { RegionId: 'cn-north' });
    expect(debug.mock.calls.map((c) => c[0])).toEqual([
      'DescribeThings attempt 1: HTTP 503, InternalError, RequestId REQ-InternalError, 25 ms, retrying',
      'DescribeThings attempt 2: HTTP 200, RequestId REQ-OK, 25 ms',
    ]);
    expect(debug.mock.calls[1]?.[1]).toEqual({
      action: 'DescribeThings',
      attempt: 2,
      status: 200,
      requestId: 'REQ-OK',
      errorCode: undefined,
      willRetry: false,
      durationMs: 25,
    });
  });

  it('never carries a secret, the key id, the token or a signature, even when the server echoes them', async () => {
    const echo = async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      return jsonReply(400, {
        ...serviceError('IncompleteSignature'),
        RequestId: `${headers.authorization} ${headers['x-acs-security-token']} ${url}`,
        Message: `topsecretvalue ${headers.authorization}`,
      });
    };
    const debug = vi.fn();
    const f = scriptedFetch(echo);
    const leaky = new RpcClient(widgetsService, {
      credentials,
      fetch: f.fetch,
      retry: false,
      logger: { warn: () => {}, debug },
    });
    await leaky.invoke(describeThingsAction, { RegionId: 'cn-north' }).catch(() => {});
    const signature = /Signature=([0-9a-f]+)/.exec(
      (f.sent[0]!.init.headers as Record<string, string>).authorization ?? '',
    )?.[1];
    const logged = JSON.stringify(debug.mock.calls);
    expect(debug).toHaveBeenCalledTimes(1);
    for (const secret of ['topsecretvalue', 'sts-token-value-xyz', 'AKIDEXAMPLE123', signature!])
      expect(logged).not.toContain(secret);
  });

  it('is not needed: a logger with warn only gets no debug calls and nothing breaks', async () => {
    const f = scriptedFetch(jsonReply(200, page));
    const warn = vi.fn();
    const client = new RpcClient(widgetsService, { credentials, fetch: f.fetch, logger: { warn } });
    await client.invoke(describeThingsAction, { RegionId: 'cn-north' });
    expect(warn).not.toHaveBeenCalled();
  });
});
