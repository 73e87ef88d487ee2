// The error classes: one base with code, status, request id and retryable; names per kind; JSON that
// a log can keep; validation errors that list every problem by parameter.
import { describe, expect, it } from 'vitest';
import {
  AcsAbortError,
  AcsCredentialsError,
  AcsError,
  AcsNetworkError,
  AcsResponseError,
  AcsServiceError,
  AcsTimeoutError,
  AcsValidationError,
} from '../../../templates/runtime/errors.ts';

describe('AcsError', () => {
  it('keeps every field and defaults retryable to false', () => {
    const e = new AcsError({
      code: 'C',
      message: 'm',
      httpStatus: 400,
      requestId: 'R',
      hostId: 'H',
      recommend: 'https://r',
    });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'AcsError',
      code: 'C',
      message: 'm',
      httpStatus: 400,
      requestId: 'R',
      hostId: 'H',
      recommend: 'https://r',
      retryable: false,
    });
    expect(e.cause).toBeUndefined();
    expect('cause' in e).toBe(false);
  });

  it('keeps a cause when given', () => {
    const cause = new Error('inner');
    expect(new AcsError({ code: 'C', message: 'm', cause, retryable: true })).toMatchObject({
      cause,
      retryable: true,
    });
  });

  it('serializes to JSON with its name and fields, without the cause', () => {
    const e = new AcsServiceError({
      code: 'C',
      message: 'm',
      httpStatus: 503,
      requestId: 'R',
      retryable: true,
      cause: 'x',
    });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'AcsServiceError',
      code: 'C',
      message: 'm',
      httpStatus: 503,
      requestId: 'R',
      retryable: true,
    });
    expect(e.toJSON()).toEqual({
      name: 'AcsServiceError',
      code: 'C',
      message: 'm',
      httpStatus: 503,
      requestId: 'R',
      hostId: undefined,
      recommend: undefined,
      retryable: true,
    });
  });

  it.each<[string, AcsError]>([
    ['AcsServiceError', new AcsServiceError({ code: 'c', message: 'm' })],
    ['AcsResponseError', new AcsResponseError({ code: 'c', message: 'm' })],
    ['AcsCredentialsError', new AcsCredentialsError({ code: 'c', message: 'm' })],
    ['AcsNetworkError', new AcsNetworkError({ code: 'c', message: 'm' })],
    ['AcsTimeoutError', new AcsTimeoutError({ code: 'c', message: 'm' })],
    ['AcsAbortError', new AcsAbortError({ code: 'c', message: 'm' })],
  ])('%s is an AcsError with its own name', (name, error) => {
    expect(error).toBeInstanceOf(AcsError);
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: m`);
  });
});

describe('AcsValidationError', () => {
  it('names every issue by its path, or by its message alone for the whole value', () => {
    const issues = [
      { path: 'PageSize', message: 'must be <= 50' },
      { path: '', message: 'must be an object' },
    ];
    const e = new AcsValidationError(issues);
    expect(e).toMatchObject({
      name: 'AcsValidationError',
      code: 'Client.InvalidParameter',
      retryable: false,
      issues,
    });
    expect(e.message).toBe('Invalid request: PageSize must be <= 50; must be an object');
    expect(e.toJSON()).toMatchObject({ name: 'AcsValidationError', code: 'Client.InvalidParameter', issues });
  });

  it('says what was invalid', () => {
    expect(new AcsValidationError([{ path: 'A', message: 'x' }], 'response').message).toBe(
      'Invalid response: A x',
    );
  });
});
