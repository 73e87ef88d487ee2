// The conformance http helper against a scripted server on 127.0.0.1: what it signs and sends, how it
// reads JSON, XML and junk answers, and how exchanges are described with secrets redacted.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { describeRequest, describeResponse, send } from '../../../templates/conformance/http.ts';
import { CheckFailure } from '../../../templates/conformance/types.ts';
import { errorBody, type FakeServer, json, startFakeServer, text } from '../../support/fake-server.ts';
import { widgetsContext } from '../../support/widgets-conformance.ts';

const server: FakeServer = await startFakeServer(json(200, { RequestId: 'R' }));
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('send', () => {
  it('signs V3 GET for the first action and the service version by default', async () => {
    const ctx = widgetsContext(server.url);
    const got = await send(ctx, { action: 'DescribeThings', params: [['RegionId', 'r']] });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ RequestId: 'R' });
    const req = server.requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.url.search).toBe('?RegionId=r');
    expect(req.headers['x-acs-action']).toBe('DescribeThings');
    expect(req.headers['x-acs-version']).toBe('2020-01-01');
    expect(req.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=AKIDCONFORMANCE,/);
    expect(got.sent).toMatch(/Credential=AKID\*\*\*/);
    expect(got.sent).not.toContain('conformancesecret');
  });

  it('honours action, version, V1, POST, XML, key, nonce and clock offset', async () => {
    const ctx = widgetsContext(server.url);
    server.script(
      text(200, 'text/xml', '<CreateThingResponse><RequestId>X</RequestId></CreateThingResponse>'),
    );
    const got = await send(ctx, {
      action: 'CreateThing',
      version: '1999-01-01',
      params: [['RegionId', 'r']],
      signature: 'v1',
      method: 'POST',
      format: 'XML',
      accessKeyId: 'OTHERKEY',
      nonce: 'nonce-1',
      clockOffsetMs: -3_600_000 * 24 * 365 * 10,
    });
    expect(got.body).toEqual({ RequestId: 'X' });
    const form = new URLSearchParams(server.requests[0]!.body);
    expect(server.requests[0]!.method).toBe('POST');
    expect(form.get('Action')).toBe('CreateThing');
    expect(form.get('Version')).toBe('1999-01-01');
    expect(form.get('Format')).toBe('XML');
    expect(form.get('AccessKeyId')).toBe('OTHERKEY');
    expect(form.get('SignatureNonce')).toBe('nonce-1');
    expect(Number(form.get('Timestamp')?.slice(0, 4))).toBeLessThan(new Date().getUTCFullYear() - 8);
  });

  it('sends what mutate returns', async () => {
    const ctx = widgetsContext(server.url);
    await send(ctx, {
      action: 'DescribeThings',
      params: [],
      mutate: (r) => ({ ...r, headers: { ...r.headers, 'x-extra': '1' } }),
    });
    expect(server.requests[0]!.headers['x-extra']).toBe('1');
  });

  it.each<[string, { reply: ReturnType<typeof text>; body: unknown }]>([
    ['JSON that is not an object', { reply: text(200, 'application/json', '[1]'), body: undefined }],
    ['junk', { reply: text(200, 'application/json', 'not json'), body: undefined }],
    ['XML sniffed without a type', { reply: text(200, undefined, '  <R><A>1</A></R>'), body: { A: '1' } }],
    ['XML with a text root', { reply: text(200, 'text/xml', '<R>just text</R>'), body: {} }],
    ['broken XML', { reply: text(200, 'text/xml', '<R><A></R>'), body: undefined }],
  ])('reads %s', async (_name, { reply, body }) => {
    server.script(reply);
    const got = await send(widgetsContext(server.url), { action: 'DescribeThings', params: [] });
    expect(got.body).toEqual(body);
  });

  it('notes the code of an error answer only (status 400 and up)', async () => {
    const ctx = widgetsContext(server.url);
    server.script(
      json(400, errorBody('Throttling.User')),
      json(200, { Code: 'NotAnError' }),
      json(399, { Code: 'Nor' }),
    );
    await send(ctx, { action: 'DescribeThings', params: [] });
    await send(ctx, { action: 'DescribeThings', params: [] });
    await send(ctx, { action: 'DescribeThings', params: [] });
    expect([...ctx.codesSeen]).toEqual(['Throttling.User']);
  });

  it('fails the check when the connection fails, with the request described', async () => {
    const ctx = widgetsContext('http://127.0.0.1:1');
    const error = await send(ctx, { action: 'DescribeThings', params: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckFailure);
    expect((error as CheckFailure).message).toMatch(/^the request failed: /);
    expect((error as CheckFailure).sent).toMatch(/^GET http:\/\/127\.0\.0\.1:1\//);
  });
});

describe('describeRequest and describeResponse', () => {
  it('shows method, redacted URL, redacted headers and a redacted body', () => {
    expect(
      describeRequest({
        method: 'POST',
        url: 'http://h/',
        headers: { 'x-acs-security-token': 'tok', accept: 'application/json' },
        body: 'AccessKeyId=LTAIabcdef&Signature=s',
      }),
    ).toBe(
      'POST http://h/\nx-acs-security-token: ***\naccept: application/json\n\nAccessKeyId=LTAI***&Signature=***',
    );
    expect(describeRequest({ method: 'GET', url: 'http://h/?Signature=s', headers: {} })).toBe(
      'GET http://h/?Signature=***\n',
    );
  });

  it('shows the status and the first 600 characters of the answer', () => {
    const text = 'x'.repeat(700);
    expect(
      describeResponse({ status: 502, headers: new Headers(), text, body: undefined, sent: '', secrets: [] }),
    ).toBe(`HTTP 502\n${'x'.repeat(600)}`);
  });
});
