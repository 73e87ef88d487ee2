// The core every generated client delegates to: validate, sign, send, parse, retry.

import { createPlatformIo } from '#platform';
import { type AttemptResult, attemptLoop } from './attempts.js';
import { type CredentialsProvider, resolveCredentialsProvider } from './credentials.js';
import { newNonce } from './crypto.js';
import type { ActionDescriptor, ServiceDescriptor } from './descriptors.js';
import { resolveEndpoint } from './endpoint.js';
import { type AcsError, AcsResponseError, AcsTimeoutError, AcsValidationError } from './errors.js';
import { type Hooks, type Logger, type RequestInfo, runHook } from './hooks.js';
import type { PlatformIo } from './platform.js';
import { type CallScrubber, callScrubber, clip, redactForm, redactHeaders, redactUrl } from './redact.js';
import { parseResponse } from './response.js';
import { DEFAULT_RETRY, type RetryOptions, RetryQuota, sleep } from './retry.js';
import { toHeaderParams, toWireParams } from './serialize.js';
import {
  type Credentials,
  type SignatureVersion,
  type SignedRequest,
  signRequest,
  type UnsignedRequest,
} from './sign-request.js';
import type { Fetch, RawResponse } from './transport.js';

export interface ClientConfig {
  /** Region for the endpoint; defaults to the request's RegionId. */
  readonly region?: string;
  readonly credentials?: Credentials | CredentialsProvider;
  /** Profile of ~/.aliyun/config.json for the default credentials chain. */
  readonly profile?: string;
  /** Explicit endpoint with scheme, e.g. `http://127.0.0.1:8080`; wins over the region. */
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
  /** Check responses against the spec: off (default), warn through the logger, or throw. */
  readonly validateResponses?: 'off' | 'warn' | 'throw';
  readonly hooks?: Hooks;
  readonly logger?: Logger;
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

export class RpcClient {
  readonly service: ServiceDescriptor;
  readonly #config: ClientConfig;
  readonly #credentials: CredentialsProvider;
  readonly #retry: RetryOptions;
  readonly #quota: RetryQuota;
  /** Server time minus local time, learnt from a rejected timestamp's Date header. */
  #clockOffsetMs = 0;
  /** This runtime's crypto (with the derived keys) and transport (with its sockets): platform.ts. */
  readonly #io: PlatformIo;

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.#config = config;
    this.#credentials = resolveCredentialsProvider(config.credentials, { profile: config.profile });
    this.#retry =
      config.retry === false ? { ...DEFAULT_RETRY, maxAttempts: 1 } : { ...DEFAULT_RETRY, ...config.retry };
    this.#quota = new RetryQuota(this.#retry.quotaCapacity);
    this.#io = createPlatformIo({ fetch: config.fetch });
  }

  /** Calls a command's action with its input. */
  send<Req, Res>(command: Command<Req, Res>, options: CallOptions = {}): Promise<Res> {
    return this.invoke<Req, Res>(command.action, command.input, options);
  }

  /** Every failure is an AcsError, and nothing in it, in a hook's payload or in a log line holds the
   * call's secrets (scrub-error.ts). */
  async invoke<Req, Res>(action: ActionDescriptor, params: Req, options: CallOptions = {}): Promise<Res> {
    const secrets = callScrubber();
    const logger = scrubbedLogger(this.#config.logger, secrets.scrub);
    try {
      const issues = action.validateRequest(params);
      if (issues.length > 0) throw new AcsValidationError(issues);
      const call: Call = {
        action,
        unsigned: this.#unsigned(action, params as Readonly<Record<string, unknown>>, options),
        options,
        time: this.#time(options),
        secrets,
        logger,
      };
      const body = await attemptLoop({
        retry: this.#retry,
        quota: this.#quota,
        idempotent: action.idempotent,
        signal: options.signal,
        now: this.#now,
        deadline: call.time.deadline,
        random: this.#config.random ?? Math.random,
        sleep: this.#config.sleep ?? sleep,
        skew: {
          get: () => this.#clockOffsetMs,
          set: (offset) => {
            this.#clockOffsetMs = offset;
          },
        },
        attempt: async (n) => {
          const result = await this.#attempt(call, n);
          return result.ok ? result : { ...result, error: await scrubbed(result.error, secrets.scrub) };
        },
        after: (n, result, willRetry) => this.#after(call, n, result, willRetry),
      });
      return (await this.#checkResponse(call, body)) as Res;
    } catch (error) {
      throw await scrubbed(error, secrets.scrub);
    }
  }

  readonly #now = (): number => (this.#config.now ?? Date.now)();

  #time(options: CallOptions): Time {
    const timeoutMs = options.timeoutMs ?? this.#config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const given = options.deadlineMs ?? this.#config.deadlineMs;
    const deadlineMs = given ?? timeoutMs * this.#retry.maxAttempts;
    return { timeoutMs, deadlineMs, deadline: this.#now() + deadlineMs, hard: given !== undefined };
  }

  #unsigned(
    action: ActionDescriptor,
    params: Readonly<Record<string, unknown>>,
    options: CallOptions,
  ): UnsignedRequest {
    const region = this.#config.region ?? (typeof params.RegionId === 'string' ? params.RegionId : undefined);
    return {
      method: options.method ?? action.methods[0] ?? 'GET',
      endpoint: resolveEndpoint(this.service.endpoints, { endpoint: this.#config.endpoint, region }),
      path: action.path,
      action: action.name,
      version: this.service.apiVersion,
      params: toWireParams(params, action.params),
      headers: toHeaderParams(params, action.params),
      format: this.#config.format ?? 'JSON',
    };
  }

  /** One attempt, re-signed with a fresh nonce and timestamp; failures are returned, not thrown. */
  async #attempt(call: Call, n: number): Promise<AttemptResult> {
    let signed: SignedRequest;
    try {
      const credentials = await this.#credentials();
      signed = await signRequest(call.unsigned, credentials, {
        signatureVersion: this.#config.signatureVersion ?? 'v3',
        now: new Date(this.#now() + this.#clockOffsetMs),
        nonce: newNonce(),
        crypto: this.#io.crypto,
      });
      call.secrets.learn(
        [credentials.accessKeySecret, credentials.securityToken, signatureOf(signed)],
        credentials.accessKeyId,
      );
    } catch (error) {
      return { ok: false, error };
    }
    const before = this.#config.hooks?.beforeRequest;
    if (before !== undefined)
      await runHook(before, redactedInfo(call.action, n, signed, call.secrets.scrub), call.logger);
    const { time, options } = call;
    const left = time.hard ? time.deadline - this.#now() : time.timeoutMs;
    if (left <= 0) return { ok: false, error: deadlineExceeded(time.deadlineMs) };
    const timeoutMs = Math.min(time.timeoutMs, left);
    let raw: RawResponse;
    try {
      raw = await this.#io.send(signed, {
        timeoutMs,
        signal: options.signal,
        maxResponseBytes: options.maxResponseBytes ?? this.#config.maxResponseBytes,
      });
    } catch (error) {
      // Cut short by the deadline rather than by its own timeout: nothing is left to retry with.
      const late = error instanceof AcsTimeoutError && timeoutMs < time.timeoutMs;
      return { ok: false, error: late ? deadlineExceeded(time.deadlineMs) : error };
    }
    try {
      const value = await parseResponse(raw, call.action, this.service, call.secrets.scrub);
      return { ok: true, value, status: raw.status, headers: raw.headers };
    } catch (error) {
      return { ok: false, error, status: raw.status, headers: raw.headers };
    }
  }

  /** The hook sees the attempt's error already scrubbed; a success's RequestId is server text too. */
  async #after(call: Call, n: number, result: AttemptResult, willRetry: boolean): Promise<void> {
    const error = result.ok ? undefined : (result.error as { code?: string; requestId?: string } | undefined);
    const echoed = result.ok ? (result.value as { RequestId?: unknown }).RequestId : undefined;
    await runHook(
      this.#config.hooks?.afterResponse,
      {
        action: call.action.name,
        attempt: n,
        status: result.status,
        requestId: typeof echoed === 'string' ? clip(call.secrets.scrub(echoed)) : error?.requestId,
        errorCode: error?.code,
        willRetry,
      },
      call.logger,
    );
  }

  async #checkResponse(call: Call, body: unknown): Promise<unknown> {
    const mode = this.#config.validateResponses ?? 'off';
    if (mode === 'off') return body;
    const name = call.action.name;
    const issues = (await call.action.loadResponseValidator())(body);
    if (issues.length === 0) return body;
    const text = issues.map((i) => `${i.path} ${i.message}`).join('; ');
    if (mode === 'warn') {
      call.logger.warn(`${name} response does not match the spec: ${text}`);
      return body;
    }
    const requestId = (body as { RequestId?: unknown }).RequestId;
    throw new AcsResponseError({
      code: 'Client.InvalidResponse',
      message: `${name} response does not match the spec: ${text}`,
      requestId: typeof requestId === 'string' ? requestId : undefined,
    });
  }
}

/** What one call carries from attempt to attempt. */
interface Call {
  readonly action: ActionDescriptor;
  readonly unsigned: UnsignedRequest;
  readonly options: CallOptions;
  readonly time: Time;
  readonly secrets: CallScrubber;
  readonly logger: Logger;
}

/** Failures only: the scrubbing of errors is loaded when one happens, not by every program. */
async function scrubbed(error: unknown, scrub: (text: string) => string): Promise<AcsError> {
  const { scrubError } = await import('./scrub-error.js');
  return scrubError(error, scrub);
}

/** The configured logger (console.warn by default), given only scrubbed, clipped text: the message,
 * and the text fields of its data (`{ error }` when a hook throws). */
function scrubbedLogger(logger: Logger | undefined, scrub: (text: string) => string): Logger {
  const clean = (value: unknown): unknown =>
    value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? clip(scrub(v)) : v]),
        )
      : value;
  const base = logger ?? { warn: (message: string, data?: unknown) => console.warn(message, data) };
  return {
    warn: (message, ...data) => base.warn(clip(scrub(message)), ...(data.map(clean) as [unknown?])),
  };
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** One call's time: each attempt's timeout, and the deadline of the whole (on the client's clock). */
interface Time {
  readonly timeoutMs: number;
  readonly deadlineMs: number;
  readonly deadline: number;
  /** Set by the caller: it also cuts an attempt short. The default one bounds only the retries, so
   * the time spent signing never turns an attempt's own timeout into a deadline error. */
  readonly hard: boolean;
}

function deadlineExceeded(deadlineMs: number): AcsTimeoutError {
  return new AcsTimeoutError({
    code: 'Client.DeadlineExceeded',
    message: `The call did not complete within its deadline of ${deadlineMs} ms.`,
    retryable: false,
  });
}

/** The request as a hook may see it: signature and token hidden by name, then every known secret. */
function redactedInfo(
  action: ActionDescriptor,
  attempt: number,
  signed: SignedRequest,
  scrub: (text: string) => string,
): RequestInfo {
  const headers = redactHeaders(signed.headers);
  for (const name of Object.keys(headers)) headers[name] = scrub(headers[name]!);
  return {
    action: action.name,
    attempt,
    method: signed.method,
    url: scrub(redactUrl(signed.url)),
    headers,
    ...(signed.body === undefined ? {} : { body: scrub(redactForm(signed.body)) }),
  };
}

/** The signature of a signed request, wherever its version put it. */
function signatureOf(signed: SignedRequest): string | undefined {
  const fromHeader = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1];
  if (fromHeader !== undefined) return fromHeader;
  const form = signed.body ?? signed.url.split('?')[1] ?? '';
  const value = new URLSearchParams(form.replace(/\+/g, '%2B')).get('Signature');
  return value ?? undefined;
}
