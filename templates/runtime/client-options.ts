// What a client is configured with (ClientConfig), what one call may override (CallOptions), and
// the command `send` takes (Command): the types of client.ts's public surface.
import type { CredentialsProvider } from './credentials.js';
import type { ActionDescriptor } from './descriptors.js';
import type { Env } from './env.js';
import type { Hooks, Logger } from './hooks.js';
import type { MiddlewareEntry } from './middleware.js';
import type { RetryOptions } from './retry.js';
import type { Credentials, SignatureVersion } from './sign-request.js';
import type { Fetch } from './transport.js';
import type { ValidationOption } from './validation-mode.js';

export interface ClientConfig {
  /** Region for the endpoint; else the request's RegionId; else `ALIBABA_CLOUD_REGION_ID`. */
  readonly region?: string;
  /** Keys, or a provider (`instanceRoleProvider()`, `assumeRoleProvider(…)`, your own); else the
   * default chain: the environment, the aliyun CLI and shared credentials files, the instance role. */
  readonly credentials?: Credentials | CredentialsProvider;
  /** Profile of ~/.aliyun/config.json and ~/.alibabacloud/credentials for the default chain. */
  readonly profile?: string;
  /** Environment variables the client reads (region, default chain); `process.env` where there is one. */
  readonly env?: Env;
  /** Explicit endpoint with scheme, e.g. `http://127.0.0.1:8080`; wins over `ACS_RPC_ENDPOINT_URL_<PRODUCT>`,
   * `ACS_RPC_ENDPOINT_URL` and the region. */
  readonly endpoint?: string;
  /** `v3` (ACS3-HMAC-SHA256, default) or `v1` (HMAC-SHA1). */
  readonly signatureVersion?: SignatureVersion;
  readonly format?: 'JSON' | 'XML';
  /** Calls go through this fetch; without it, Node uses node:http and other runtimes the global fetch. */
  readonly fetch?: Fetch;
  /** Each attempt's timeout, from sending to the last byte of the body; default 30 s. */
  readonly timeoutMs?: number;
  /**
   * The whole call's deadline: every attempt and every wait between them. An attempt gets at most the
   * time left (cut short, it fails with `Client.DeadlineExceeded`); a retry whose wait (backoff or
   * Retry-After) would end past it is not made, and the call fails with the last error. Unset, the
   * call's budget is `timeoutMs` × `retry.maxAttempts` (90 s with the defaults) and bounds the retries
   * only: an attempt under way keeps its own timeout.
   */
  readonly deadlineMs?: number;
  /** The largest response body read, in bytes; default 10 MiB. A larger one fails the call with
   * `Client.ResponseTooLarge`, not retried. */
  readonly maxResponseBytes?: number;
  /** Partial options, or false for a single attempt. */
  readonly retry?: Partial<RetryOptions> | false;
  /**
   * Checks against the spec: `strict` refuses, `warn` goes on and logs every issue once per call,
   * `off` skips the work; one mode for both, or `{ request, response }`. Default: requests `strict`,
   * responses `off`.
   */
  readonly validation?: ValidationOption;
  /** The older form of `validation.response` (`throw` is `strict`); `validation` wins. */
  readonly validateResponses?: 'off' | 'warn' | 'throw';
  readonly hooks?: Hooks;
  /** Warnings (console.warn by default) and, when it has `debug`, a line per attempt; text scrubbed. */
  readonly logger?: Logger;
  /** Appended to the user agent every request carries (`user-agent`, or `x-acs-user-agent` in browsers). */
  readonly userAgent?: string;
  /** Clock, randomness and the wait between retries, for tests. */
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly deadlineMs?: number;
  readonly maxResponseBytes?: number;
  readonly method?: 'GET' | 'POST';
  /** Over the client's `validation`, for this call. */
  readonly validation?: ValidationOption;
  /** Run after the client's middleware of the same step and priority, for this call only. */
  readonly middleware?: readonly MiddlewareEntry[];
}

/**
 * One call of one action, for `send`: the action's descriptor and the request. A generated command
 * class (`new DescribeXCommand(params)`) carries its response type too, so `send` returns it typed.
 */
export interface Command<Req, Res> {
  readonly action: ActionDescriptor;
  readonly input: Req;
  /** Never set: it carries the response type from the command to `send`. */
  readonly responseType?: Res;
}
