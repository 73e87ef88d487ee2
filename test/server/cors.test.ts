// CORS: a browser page on this machine may call the reference server (its preflight answered, its
// answers readable); other origins, or any origin with CORS off, get no CORS headers and an OPTIONS
// is then the method error it always was.
import { afterAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../templates/runtime/sign-request.ts';
import { startEcsServer } from '../support/ecs-server.ts';

const loopback = await startEcsServer();
const off = await startEcsServer({ cors: 'off' });
const listed = await startEcsServer({ cors: ['https://app.example'] });
afterAll(() => Promise.all([loopback.close(), off.close(), listed.close()]));

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,x-acs-action,x-acs-date',
    },
  });

describe('a preflight', () => {
  it.each([
    ['a page on localhost', loopback.url, 'http://localhost:5173'],
    ['a page on 127.0.0.1', loopback.url, 'http://127.0.0.1:8000'],
    ['an origin listed', listed.url, 'https://app.example'],
  ])('from %s is answered 204 with what it asked to send', async (_name, url, origin) => {
    const res = await preflight(url, origin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,x-acs-action,x-acs-date');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('date')).toBeTruthy();
  });

  it.each([
    ['another origin', loopback.url, 'https://evil.example'],
    ['an origin not listed', listed.url, 'http://localhost:5173'],
    ['any origin with CORS off', off.url, 'http://localhost:5173'],
  ])('from %s gets no CORS headers: OPTIONS is UnsupportedHTTPMethod', async (_name, url, origin) => {
    const res = await preflight(url, origin);
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toMatchObject({ Code: 'UnsupportedHTTPMethod' });
  });
});

describe('an answer', () => {
  const call = async (url: string, origin: string) => {
    const r = await signRequest(
      {
        method: 'GET',
        endpoint: new URL(url),
        path: '/',
        action: 'DescribeInstanceStatus',
        version: '2014-05-26',
        params: [['RegionId', 'cn-hangzhou']],
        format: 'JSON',
      },
      { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      { signatureVersion: 'v3', now: new Date(), nonce: crypto.randomUUID() },
    );
    return fetch(r.url, { headers: { ...r.headers, origin } });
  };

  it('to an allowed origin names it and exposes the request id', async () => {
    const res = await call(loopback.url, 'http://localhost:5173');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-acs-request-id, date');
  });

  it('to another origin carries no CORS header (the browser keeps it from the page)', async () => {
    const res = await call(loopback.url, 'https://evil.example');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
