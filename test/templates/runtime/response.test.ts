// parseResponse: a raw response becomes the normalized body, an AcsServiceError from the envelope,
// or an AcsResponseError describing what could not be read; server text is scrubbed.
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../templates/runtime/descriptors.ts';
import { AcsResponseError, AcsServiceError } from '../../../templates/runtime/errors.ts';
import { parseResponse } from '../../../templates/runtime/response.ts';
import { ERROR_ENVELOPE_SHAPE } from '../../../templates/runtime/response-error.ts';
import type { RawResponse } from '../../../templates/runtime/transport.ts';
import { describeThingsAction, widgetsService } from '../../support/widgets-service.ts';

function raw(
  status: number,
  contentType: string | undefined,
  bodyText: string,
  extra: Record<string, string> = {},
): RawResponse {
  const headers = new Headers(extra);
  if (contentType !== undefined) headers.set('content-type', contentType);
  return { status, headers, bodyText };
}
const parse = (r: RawResponse, scrub?: (t: string) => string) =>
  parseResponse(r, describeThingsAction, widgetsService, scrub);
const failure = (r: RawResponse, scrub?: (t: string) => string) =>
  parse(r, scrub).then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as AcsServiceError,
  );
const envelope = (code: string, extra: object = {}) =>
  JSON.stringify({
    RequestId: 'REQ-1',
    HostId: 'widgets.example.test',
    Code: code,
    Message: `${code}!`,
    ...extra,
  });
const xmlThings =
  '<DescribeThingsResponse><RequestId>R</RequestId><TotalCount>1</TotalCount><Things><Thing><ThingId>a</ThingId></Thing></Things></DescribeThingsResponse>';
const wantThings = { RequestId: 'R', TotalCount: 1, Things: { Thing: [{ ThingId: 'a' }] } };

describe('parseResponse, success', () => {
  it.each<[string, { given: RawResponse; want: unknown }]>([
    [
      'JSON by content type',
      {
        given: raw(200, 'application/json', '{"RequestId":"R","TotalCount":"1"}'),
        want: { RequestId: 'R', TotalCount: 1 },
      },
    ],
    [
      'JSON with upper-case content type',
      { given: raw(200, 'Application/JSON', '{"RequestId":"R"}'), want: { RequestId: 'R' } },
    ],
    ['XML by content type', { given: raw(200, 'text/xml;charset=utf-8', xmlThings), want: wantThings }],
    [
      'JSON sniffed without content type',
      { given: raw(200, undefined, '  {"RequestId":"R"}'), want: { RequestId: 'R' } },
    ],
    [
      'JSON sniffed from text/plain',
      { given: raw(200, 'text/plain', '{"RequestId":"R"}'), want: { RequestId: 'R' } },
    ],
    [
      'XML sniffed from octet-stream',
      { given: raw(200, 'application/octet-stream', xmlThings), want: wantThings },
    ],
    ['XML sniffed without content type', { given: raw(200, undefined, xmlThings), want: wantThings }],
    [
      'status 299 is success',
      { given: raw(299, 'application/json', '{"RequestId":"R"}'), want: { RequestId: 'R' } },
    ],
  ])('%s', async (_name, { given, want }) => {
    await expect(parse(given)).resolves.toEqual(want);
  });
});

describe('parseResponse, unreadable', () => {
  it.each<[string, { given: RawResponse; message: string; retryable: boolean }]>([
    [
      'an empty 200',
      {
        given: raw(200, 'application/json', '  '),
        message: 'Unreadable response: HTTP 200 (application/json) with an empty body.',
        retryable: false,
      },
    ],
    [
      'an HTML page under 200',
      {
        given: raw(200, 'text/html', '<html><body>Hi</body></html>'),
        message:
          'Unreadable response: HTTP 200 (text/html) with a body that is neither JSON nor XML: "<html><body>Hi</body></html>".',
        retryable: false,
      },
    ],
    [
      'HTML without content type is never read as XML',
      {
        given: raw(200, undefined, '<!DOCTYPE html><p>x</p>'),
        message:
          'Unreadable response: HTTP 200 (no content type) with a body that is neither JSON nor XML: "<!DOCTYPE html><p>x</p>".',
        retryable: false,
      },
    ],
    [
      '<html> without content type',
      {
        given: raw(200, 'text/plain', '<HTML>x</HTML>'),
        message:
          'Unreadable response: HTTP 200 (text/plain) with a body that is neither JSON nor XML: "<HTML>x</HTML>".',
        retryable: false,
      },
    ],
    [
      'an unknown content type is not sniffed',
      {
        given: raw(200, 'image/png', '{"a":1}'),
        message:
          'Unreadable response: HTTP 200 (image/png) with a body that is neither JSON nor XML: "{\\"a\\":1}".',
        retryable: false,
      },
    ],
    [
      'truncated JSON',
      {
        given: raw(200, 'application/json', '{"Req'),
        message:
          'Unreadable response: HTTP 200 (application/json) with JSON that does not parse (truncated?): "{\\"Req".',
        retryable: false,
      },
    ],
    [
      'a JSON array',
      {
        given: raw(200, 'application/json', '[1]'),
        message: 'Unreadable response: HTTP 200 (application/json) with JSON that is not an object: "[1]".',
        retryable: false,
      },
    ],
    [
      'JSON null',
      {
        given: raw(200, 'application/json', 'null'),
        message: 'Unreadable response: HTTP 200 (application/json) with JSON that is not an object: "null".',
        retryable: false,
      },
    ],
    [
      'a JSON string',
      {
        given: raw(200, 'application/json', '"x"'),
        message:
          'Unreadable response: HTTP 200 (application/json) with JSON that is not an object: "\\"x\\"".',
        retryable: false,
      },
    ],
    [
      'XML under another root',
      {
        given: raw(200, 'text/xml', '<Other><A>1</A></Other>'),
        message:
          'Unreadable response: HTTP 200 (text/xml) with XML without a <DescribeThingsResponse> root: "<Other><A>1</A></Other>".',
        retryable: false,
      },
    ],
    [
      'an empty 502',
      {
        given: raw(502, undefined, ''),
        message: 'Unreadable response: HTTP 502 (no content type) with HTTP 502 without an error envelope.',
        retryable: true,
      },
    ],
    [
      'a 429 without envelope',
      {
        given: raw(429, 'application/json', '{}'),
        message:
          'Unreadable response: HTTP 429 (application/json) with HTTP 429 without an error envelope: "{}".',
        retryable: true,
      },
    ],
    [
      'a 499 without envelope',
      {
        given: raw(499, 'application/json', '{}'),
        message:
          'Unreadable response: HTTP 499 (application/json) with HTTP 499 without an error envelope: "{}".',
        retryable: false,
      },
    ],
    [
      'a 500 without envelope',
      {
        given: raw(500, 'application/json', '{}'),
        message:
          'Unreadable response: HTTP 500 (application/json) with HTTP 500 without an error envelope: "{}".',
        retryable: true,
      },
    ],
    [
      'a 300',
      {
        given: raw(300, 'application/json', '{}'),
        message:
          'Unreadable response: HTTP 300 (application/json) with HTTP 300 without an error envelope: "{}".',
        retryable: false,
      },
    ],
    [
      'a 199',
      {
        given: raw(199, 'application/json', '{}'),
        message:
          'Unreadable response: HTTP 199 (application/json) with HTTP 199 without an error envelope: "{}".',
        retryable: false,
      },
    ],
  ])('%s', async (_name, { given, message, retryable }) => {
    const error = await failure(given);
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({
      code: 'Client.MalformedResponse',
      message,
      httpStatus: given.status,
      retryable,
    });
  });

  it('keeps 120 characters of the body, whitespace collapsed, and the request id header', async () => {
    const body = `${'x '.repeat(100)}\n\n${'y'.repeat(100)}`;
    const error = await failure(raw(200, 'text/html', body, { 'x-acs-request-id': 'REQ-H' }));
    const snippet = body.slice(0, 120).replace(/\s+/g, ' ').trim();
    expect(error.message).toBe(
      `Unreadable response: HTTP 200 (text/html) with a body that is neither JSON nor XML: "${snippet}".`,
    );
    expect(error.requestId).toBe('REQ-H');
  });

  it('names the field and the request id when the body has the wrong shape', async () => {
    const error = await failure(raw(200, 'application/json', '{"RequestId":"R9","TotalCount":"many"}'));
    expect(error).toBeInstanceOf(AcsResponseError);
    expect(error).toMatchObject({
      code: 'Client.MalformedResponse',
      message: 'Response field TotalCount should be an integer, got "many".',
      httpStatus: 200,
      requestId: 'R9',
    });
  });

  it('leaves the request id out when it is not a string', async () => {
    const error = await failure(raw(200, 'application/json', '{"RequestId":5,"TotalCount":"many"}'));
    expect(error.requestId).toBeUndefined();
  });
});

describe('parseResponse, error envelopes', () => {
  it('reads the JSON envelope into an AcsServiceError', async () => {
    const error = await failure(
      raw(404, 'application/json', envelope('InvalidThing.NotFound', { Recommend: 'https://r' })),
    );
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(error).toMatchObject({
      code: 'InvalidThing.NotFound',
      message: 'InvalidThing.NotFound!',
      httpStatus: 404,
      requestId: 'REQ-1',
      hostId: 'widgets.example.test',
      recommend: 'https://r',
      retryable: false,
    });
  });

  it.each<[string, { status: number; code: string; retryable: boolean }]>([
    ['a documented retryable code under 400', { status: 400, code: 'Throttling.User', retryable: true }],
    [
      'a documented non-retryable code under 500',
      { status: 500, code: 'InvalidThing.NotFound', retryable: false },
    ],
    ['an unknown code under 503', { status: 503, code: 'Whatever', retryable: true }],
    ['an unknown code under 429', { status: 429, code: 'Whatever', retryable: true }],
    ['an unknown code under 400', { status: 400, code: 'Whatever', retryable: false }],
  ])('retryable from the spec first, else the status: %s', async (_name, { status, code, retryable }) => {
    const error = await failure(raw(status, 'application/json', envelope(code)));
    expect(error.retryable).toBe(retryable);
  });

  it('uses the code as the message when there is none, and no recommend when absent', async () => {
    const error = await failure(raw(400, 'application/json', '{"Code":"Bad"}'));
    expect(error.message).toBe('Bad');
    expect(error.recommend).toBeUndefined();
  });

  it('reads an XML <Error> envelope, also under a success status', async () => {
    const xml =
      '<Error><RequestId>X</RequestId><Code>Throttling.User</Code><Message>slow down</Message></Error>';
    await expect(failure(raw(400, 'application/xml', xml))).resolves.toMatchObject({
      code: 'Throttling.User',
      message: 'slow down',
      requestId: 'X',
    });
    await expect(failure(raw(200, 'application/xml', xml))).resolves.toBeInstanceOf(AcsServiceError);
  });

  it.each<[string, RawResponse]>([
    ['JSON', raw(200, 'application/json', envelope('Throttling.User'))],
    ['JSON with a numeric code', raw(200, 'application/json', '{"RequestId":"REQ-1","Code":429}')],
    [
      'XML under the action’s root',
      raw(
        200,
        'text/xml',
        '<DescribeThingsResponse><RequestId>REQ-1</RequestId><Code>Throttling.User</Code><Message>Throttling.User!</Message></DescribeThingsResponse>',
      ),
    ],
  ])('reads a %s envelope under 200 as the error it is, not as an empty success', async (_name, given) => {
    const error = await failure(given);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(error).toMatchObject({ httpStatus: 200, requestId: 'REQ-1' });
    expect(['Throttling.User', '429']).toContain(error.code);
  });

  it.each<[string, { body: Record<string, unknown>; shape?: Shape }]>([
    [
      'a body that also carries the response’s fields',
      { body: { RequestId: 'R', TotalCount: 0, Code: 'OK', Message: 'fine' } },
    ],
    [
      'a response that declares Code itself',
      {
        body: { RequestId: 'R', Code: '200', Message: 'success' },
        shape: { kind: 'object', properties: { RequestId: { kind: 'string' }, Code: { kind: 'string' } } },
      },
    ],
    [
      'a map response',
      {
        body: { Code: 'x' },
        shape: { kind: 'object', properties: {}, additional: { kind: 'string' } },
      },
    ],
    ['an empty Code', { body: { RequestId: 'R', Code: '' } }],
  ])('keeps a 200 body with a Code as the response when it is %s', async (_name, { body, shape }) => {
    const action =
      shape === undefined ? describeThingsAction : { ...describeThingsAction, responseShape: shape };
    const given = raw(200, 'application/json', JSON.stringify(body));
    await expect(parseResponse(given, action, widgetsService)).resolves.toMatchObject({ Code: body.Code });
  });

  it('scrubs code, message and recommend with the attempt scrubber', async () => {
    const scrub = (t: string) => t.replaceAll('SECRET', '***');
    const error = await failure(
      raw(400, 'application/json', envelope('SECRET.Code', { Message: 'm SECRET', Recommend: 'r SECRET' })),
      scrub,
    );
    expect(error).toMatchObject({ code: '***.Code', message: 'm ***', recommend: 'r ***' });
    const unreadable = await failure(raw(200, 'text/html', 'page SECRET'), scrub);
    expect(unreadable.message).toContain('"page ***"');
  });

  it('scrubs signatures from server text by default', async () => {
    const error = await failure(
      raw(400, 'application/json', envelope('Bad', { Message: 'got Signature=abc123' })),
    );
    expect(error.message).toBe('got Signature=***');
  });

  it('exports the envelope shape the server renders', () => {
    expect(Object.keys((ERROR_ENVELOPE_SHAPE as { properties: object }).properties)).toEqual([
      'RequestId',
      'HostId',
      'Code',
      'Message',
      'Recommend',
    ]);
  });
});

describe('parseResponse, what the spec says of a code', () => {
  // The action's own table is read before the service's common one, so a program that loads one
  // action still knows which of that action's codes are worth a retry.
  const action = {
    ...describeThingsAction,
    errors: {
      'Things.Busy': { httpStatus: 400, retryable: true },
      'Throttling.User': { httpStatus: 400, retryable: false },
    },
  };
  const answer = (code: string): Promise<AcsServiceError> =>
    parseResponse(raw(400, 'application/json', envelope(code)), action, widgetsService).then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e as AcsServiceError,
    );

  it.each([
    ['only the action documents it', 'Things.Busy', true],
    ['the action says otherwise than the service', 'Throttling.User', false],
    ['only the service documents it', 'InvalidThing.NotFound', false],
    ['nobody documents it (a 400 is not worth a retry)', 'Other.Code', false],
  ])('%s', async (_name, code, retryable) => {
    const error = await answer(code);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it('another action does not see this action’s codes', async () => {
    const error = await failure(raw(400, 'application/json', envelope('Things.Busy')));
    expect(error.code).toBe('Things.Busy');
    expect(error.retryable).toBe(false);
  });
});
