// Every failure the client reports is an AcsError, so one `catch` sees `code`, `httpStatus`,
// `requestId` and `retryable` whatever went wrong. No error ever holds a secret or a signature:
// messages are built from codes, parameter names and server text only.
import type { ValidationIssue } from './descriptors.js';

export interface AcsErrorFields {
  readonly code: string;
  readonly message: string;
  readonly httpStatus?: number | undefined;
  readonly requestId?: string | undefined;
  readonly hostId?: string | undefined;
  readonly recommend?: string | undefined;
  readonly retryable?: boolean | undefined;
  readonly cause?: unknown;
}

/** Base of every error the client throws. `Code` narrows to the service's documented codes. */
export class AcsError<Code extends string = string> extends Error {
  override readonly name: string = 'AcsError';
  readonly code: Code | (string & {});
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly hostId: string | undefined;
  readonly recommend: string | undefined;
  readonly retryable: boolean;

  constructor(fields: AcsErrorFields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.code = fields.code;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.recommend = fields.recommend;
    this.retryable = fields.retryable ?? false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      hostId: this.hostId,
      recommend: this.recommend,
      retryable: this.retryable,
    };
  }
}

export interface AcsServiceErrorFields extends AcsErrorFields {
  /** The product that answered (the service descriptor's `product`) and the action called. */
  readonly product?: string | undefined;
  readonly action?: string | undefined;
}

/** The service answered with an error envelope (`RequestId, HostId, Code, Message, Recommend`). */
export class AcsServiceError<Code extends string = string> extends AcsError<Code> {
  override readonly name: string = 'AcsServiceError';
  /** Which product and action answered: what the generated `is<Product>Error` guards check. */
  readonly product: string | undefined;
  readonly action: string | undefined;

  constructor(fields: AcsServiceErrorFields) {
    super(fields);
    this.product = fields.product;
    this.action = fields.action;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), product: this.product, action: this.action };
  }
}

/** The call was rejected before anything was sent: every problem, named by its parameter. */
export class AcsValidationError extends AcsError {
  override readonly name: string = 'AcsValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], what = 'request') {
    super({
      code: 'Client.InvalidParameter',
      message: `Invalid ${what}: ${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ')}`,
    });
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** The response could not be understood: HTML error page, truncated JSON, empty body, wrong type. */
export class AcsResponseError extends AcsError {
  override readonly name: string = 'AcsResponseError';
}

/** No credentials were found; the message names every place that was looked at. */
export class AcsCredentialsError extends AcsError {
  override readonly name: string = 'AcsCredentialsError';
}

/** The connection failed (reset, refused, DNS) before a response arrived. */
export class AcsNetworkError extends AcsError {
  override readonly name: string = 'AcsNetworkError';
}

/** The call took longer than its timeout. */
export class AcsTimeoutError extends AcsError {
  override readonly name: string = 'AcsTimeoutError';
}

/** The caller's AbortSignal fired. */
export class AcsAbortError extends AcsError {
  override readonly name: string = 'AcsAbortError';
}
