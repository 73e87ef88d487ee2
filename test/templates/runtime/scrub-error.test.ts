// scrubError: the one way an error leaves the client. Every string in it is scrubbed then clipped,
// causes are scrubbed copies (never the caller's objects changed), and anything else becomes an AcsError.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AcsError, AcsServiceError, AcsValidationError } from '../../../templates/runtime/errors.ts';
import { MAX_TEXT } from '../../../templates/runtime/redact.ts';
import { scrubError } from '../../../templates/runtime/scrub-error.ts';

const scrub = (text: string) => text.replaceAll('SECRET', '***');

describe('scrubError', () => {
  it('scrubs every text field of an AcsError in place, keeping its class and other fields', () => {
    const error = new AcsServiceError({
      code: 'C.SECRET',
      message: 'm SECRET',
      httpStatus: 400,
      requestId: 'r SECRET',
      hostId: 'h SECRET',
      recommend: 'https://x/SECRET',
      retryable: true,
    });
    expect(scrubError(error, scrub)).toBe(error);
    expect(error).toBeInstanceOf(AcsServiceError);
    expect(error.toJSON()).toEqual({
      name: 'AcsServiceError',
      code: 'C.***',
      message: 'm ***',
      httpStatus: 400,
      requestId: 'r ***',
      hostId: 'h ***',
      recommend: 'https://x/***',
      retryable: true,
    });
    expect(Object.keys(error)).not.toContain('message');
  });

  it('keeps what a subclass adds', () => {
    const issues = [{ path: 'A', message: 'x' }];
    const error = scrubError(new AcsValidationError(issues), scrub);
    expect(error).toBeInstanceOf(AcsValidationError);
    expect((error as AcsValidationError).issues).toBe(issues);
  });

  it('rewrites the head of the stack, which still held the message as made, and keeps the frames', () => {
    const error = new AcsError({ code: 'C', message: 'two\nlines SECRET' });
    expect(error.stack).toContain('SECRET');
    scrubError(error, scrub);
    expect(error.stack).toMatch(/^AcsError: two\nlines \*\*\*\n {4}at /);
    expect(error.stack).not.toContain('SECRET');
  });

  it.each<[string, { stack: string | undefined; want: string | undefined }]>([
    ['a V8 stack without frames', { stack: 'AcsError: old SECRET', want: 'AcsError: m ***' }],
    ['another engine’s frames', { stack: 'f@file.js:1:2 SECRET', want: 'f@file.js:1:2 ***' }],
    ['no stack', { stack: undefined, want: undefined }],
  ])('handles %s', (_name, { stack, want }) => {
    const error = new AcsError({ code: 'C', message: 'm SECRET' });
    Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true });
    expect(scrubError(error, scrub).stack).toBe(want);
  });

  it('replaces an Error cause with a scrubbed copy (name, message, code, stack, its own cause), leaving the original alone', () => {
    const inner = Object.assign(new Error('inner SECRET'), { code: 'E_SECRET' });
    const outer = new TypeError('outer SECRET', { cause: inner });
    const error = scrubError(new AcsError({ code: 'C', message: 'm', cause: outer }), scrub);
    const copy = error.cause as Error & { cause: Error & { code: string } };
    expect(copy).not.toBe(outer);
    expect(copy).toBeInstanceOf(Error);
    expect([copy.name, copy.message, copy.cause.message, copy.cause.code]).toEqual([
      'TypeError',
      'outer ***',
      'inner ***',
      'E_***',
    ]);
    expect(copy.stack).toMatch(/^TypeError: outer \*\*\*\n {4}at /);
    expect(outer.message).toBe('outer SECRET');
    expect(inspect(error, { depth: 10 })).not.toContain('SECRET');
  });

  it.each<[string, unknown, unknown]>([
    ['text, scrubbed', 'x SECRET', 'x ***'],
    ['a number, kept', 7, 7],
    ['null, kept', null, null],
    ['an object, dropped (it may hold anything)', { url: 'SECRET' }, undefined],
  ])('keeps a cause that is %s', (_name, cause, want) => {
    expect(scrubError(new AcsError({ code: 'C', message: 'm', cause }), scrub).cause).toEqual(want);
  });

  it('scrubs a cause that is an AcsError in place, and follows causes four deep', () => {
    let cause: Error = new Error('deepest');
    for (let i = 0; i < 5; i++) cause = new Error(`level ${i}`, { cause });
    const inner = new AcsError({ code: 'I', message: 'i SECRET', cause });
    const error = scrubError(new AcsError({ code: 'C', message: 'm', cause: inner }), scrub);
    expect(error.cause).toBe(inner);
    expect(inner.message).toBe('i ***');
    const depths: string[] = [];
    for (let c = inner.cause as Error | undefined; c !== undefined; c = c.cause as Error | undefined)
      depths.push(c.message);
    expect(depths).toEqual(['level 4', 'level 3', 'level 2']);
  });

  it('ends on a cycle of causes', () => {
    const a = new AcsError({ code: 'A', message: 'a SECRET' });
    const b = new AcsError({ code: 'B', message: 'b', cause: a });
    Object.assign(a, { cause: b });
    expect(scrubError(a, scrub).message).toBe('a ***');
  });

  it.each<[string, unknown, string]>([
    ['an Error', new RangeError('bad SECRET'), 'Unexpected failure: RangeError: bad ***'],
    ['a string', 'boom', 'Unexpected failure: string'],
  ])('turns %s into an AcsError with a code, keeping it as the scrubbed cause', (_name, thrown, message) => {
    const error = scrubError(thrown, scrub);
    expect(error).toBeInstanceOf(AcsError);
    expect(error).toMatchObject({ code: 'Client.Unexpected', message, retryable: false });
    expect(inspect(error, { depth: 10 })).not.toContain('SECRET');
  });

  it('clips after scrubbing, and gives the same error when run twice', () => {
    const error = new AcsError({ code: 'C', message: `${'m'.repeat(MAX_TEXT)}SECRET` });
    scrubError(error, scrub);
    expect(error.message).toBe(`${'m'.repeat(MAX_TEXT - 1)}…`);
    const once = { message: error.message, stack: error.stack };
    scrubError(error, scrub);
    expect({ message: error.message, stack: error.stack }).toEqual(once);
  });
});
