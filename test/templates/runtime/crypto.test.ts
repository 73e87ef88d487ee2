// Hashes, HMACs and encodings over Web Crypto and over node:crypto (the same bytes), the bounded key
// caches, nonces, and the clear error when a runtime has no Web Crypto.
import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_SHA256,
  hmac,
  newNonce,
  type SigningCrypto,
  sha256Hex,
  toBase64,
  toHex,
  WEB_CRYPTO,
  webSigningCrypto,
} from '../../../templates/runtime/crypto.ts';
import { nodeSigningCrypto } from '../../../templates/runtime/crypto-node.ts';
import { AcsError } from '../../../templates/runtime/errors.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('sha256Hex', () => {
  it.each(['', 'abc', '中文 😀'])('%j matches node:crypto', async (text) => {
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('knows the empty hash without computing it', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
    expect(await sha256Hex('')).toBe(EMPTY_SHA256);
    expect(digest).not.toHaveBeenCalled();
  });
});

describe('hmac', () => {
  it.each<['SHA-1' | 'SHA-256', string]>([
    ['SHA-1', 'sha1'],
    ['SHA-256', 'sha256'],
  ])('%s matches node:crypto', async (algorithm, node) => {
    const got = await hmac(algorithm, 'key&', 'data 中文');
    expect(toHex(got)).toBe(createHmac(node, 'key&').update('data 中文', 'utf8').digest('hex'));
  });

  it('imports each key once per client crypto, per algorithm', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const crypto = webSigningCrypto();
    await crypto.hmac('SHA-256', 'k1', 'a', 'hex');
    await crypto.hmac('SHA-256', 'k1', 'b', 'hex');
    expect(importKey).toHaveBeenCalledTimes(1);
    await crypto.hmac('SHA-1', 'k1', 'a', 'hex');
    expect(importKey).toHaveBeenCalledTimes(2);
    await webSigningCrypto().hmac('SHA-256', 'k1', 'c', 'hex');
    await hmac('SHA-256', 'k1', 'c');
    expect(importKey).toHaveBeenCalledTimes(4);
  });

  it('signs right with a cached key', async () => {
    const crypto = webSigningCrypto();
    await crypto.hmac('SHA-256', 'key', 'one', 'hex');
    const got = await crypto.hmac('SHA-256', 'key', 'two', 'hex');
    expect(got).toBe(createHmac('sha256', 'key').update('two').digest('hex'));
  });

  it('holds at most 8 keys: the ninth starts the cache afresh', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    const crypto = webSigningCrypto();
    for (let i = 1; i <= 8; i++) await crypto.hmac('SHA-256', `k${i}`, 'x', 'hex');
    await crypto.hmac('SHA-256', 'k1', 'x', 'hex');
    expect(importKey).toHaveBeenCalledTimes(8);
    await crypto.hmac('SHA-256', 'k9', 'x', 'hex');
    await crypto.hmac('SHA-256', 'k1', 'x', 'hex');
    expect(importKey).toHaveBeenCalledTimes(10);
  });
});

describe.each<[string, () => SigningCrypto]>([
  ['Web Crypto, stateless', () => WEB_CRYPTO],
  ['Web Crypto, a client', webSigningCrypto],
  ['node:crypto', nodeSigningCrypto],
])('%s as signing crypto', (_name, make) => {
  it.each(['', 'abc', '中文 😀'])('hashes %j as node:crypto does', async (text) => {
    expect(await make().sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it.each<['SHA-1' | 'SHA-256', string]>([
    ['SHA-1', 'sha1'],
    ['SHA-256', 'sha256'],
  ])('%s HMACs as node:crypto does, again with the key kept', async (algorithm, node) => {
    const crypto = make();
    const want = createHmac(node, 'key&中').update('data 中文', 'utf8').digest('hex');
    expect(await crypto.hmac(algorithm, 'key&中', 'data 中文', 'hex')).toBe(want);
    expect(await crypto.hmac(algorithm, 'key&中', 'data 中文', 'hex')).toBe(want);
    const base64 = createHmac(node, 'key&中').update('data 中文', 'utf8').digest('base64');
    expect(await crypto.hmac(algorithm, 'key&中', 'data 中文', 'base64')).toBe(base64);
  });
});

describe('node:crypto as signing crypto', () => {
  it('answers synchronously: no promise per digest or signature', () => {
    const crypto = nodeSigningCrypto();
    expect(typeof crypto.sha256Hex('x')).toBe('string');
    expect(typeof crypto.hmac('SHA-256', 'k', 'x', 'hex')).toBe('string');
  });
});

describe('encodings', () => {
  it.each<[number[], string, string]>([
    [[], '', ''],
    [[0, 15, 16, 255], '000f10ff', 'AA8Q/w=='],
    [[104, 105], '6869', 'aGk='],
  ])('%j → hex %s, base64 %s', (bytes, hex, base64) => {
    expect(toHex(new Uint8Array(bytes))).toBe(hex);
    expect(toBase64(new Uint8Array(bytes))).toBe(base64);
  });
});

describe('newNonce', () => {
  it('is a fresh UUID each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newNonce()).not.toBe(a);
  });

  it('falls back to 16 random bytes in hex without randomUUID', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { subtle: real.subtle, getRandomValues: (b: Uint8Array) => b.fill(171) });
    expect(newNonce()).toBe('ab'.repeat(16));
  });

  it('fails with a typed error where there is no Web Crypto', async () => {
    vi.stubGlobal('crypto', undefined);
    const message = 'Web Crypto (globalThis.crypto.subtle) is not available; signing needs it.';
    expect(() => newNonce()).toThrow(message);
    await expect(sha256Hex('x')).rejects.toMatchObject({ code: 'Client.NoWebCrypto', message });
    await expect(hmac('SHA-1', 'k', 'x')).rejects.toBeInstanceOf(AcsError);
    vi.stubGlobal('crypto', {});
    expect(() => newNonce()).toThrow(message);
  });
});
