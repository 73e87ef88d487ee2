// The core every generated client delegates to: validate, sign, send, parse, retry.
import { createPlatformIo } from '#platform';
import { type AttemptResult, attemptLoop } from './attempts.js';
import { scrubbedLogger } from './call-logger.js';
import type { CallOptions, ClientConfig, Command } from './client-options.js';
import { type CredentialsProvider, resolveCredentialsProvider } from './credentials.js';
import { newNonce } from './crypto.js';
import type { ActionDescriptor, ServiceDescriptor } from './descriptors.js';
import { endpointResolver, envEndpoint, resolveEndpoint } from './endpoint.js';
import { processEnv } from './env.js';
import { type AcsError, AcsTimeoutError } from './errors.js';
import { type Logger, type RequestInfo, runHook } from './hooks.js';
import {
  type Handler,
  type MiddlewareContext,
  type MiddlewareEntry,
  type MiddlewareOutput,
  MiddlewareStack,
  type Step,
  type StepArgs,
} from './middleware.js';
import type { compose } from './middleware-compose.js';
import type { PlatformIo } from './platform.js';
import { type CallScrubber, callScrubber, clip } from './redact.js';
import { parseResponse } from './response.js';
import { DEFAULT_RETRY, type RetryOptions, RetryQuota, sleep } from './retry.js';
import { toHeaderParams, toWireParams } from './serialize.js';
import { type SignedRequest, signWithSignature, type UnsignedRequest } from './sign-request.js';
import type { RawResponse } from './transport.js';
import { isSignedHeader, userAgentHeader } from './user-agent.js';
import { checkRequest, checkResponse, resolveValidation, type ValidationModes } from './validation-mode.js';

export type { CallOptions, ClientConfig, Command } from './client-options.js';

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
  readonly #userAgent: [string, string];
  /** Middleware every call runs, by step (middleware.ts). */
  readonly middleware: MiddlewareStack = new MiddlewareStack();
  /** `ALIBABA_CLOUD_REGION_ID`, read once: the region when neither the config nor the request gives one. */
  readonly #envRegion: string | undefined;
  /** The config's endpoint, else the environment's (endpoint.ts, `envEndpoint`). */
  readonly #endpoint: string | undefined;
  /** Each region's endpoint parsed once, for calls no middleware sees (one could change the URL). */
  readonly #sharedEndpoint: (region: string | undefined) => URL;

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.#config = config;
    this.#userAgent = userAgentHeader(service.userAgent, config.userAgent);
    // A mistyped mode is refused when the client is made, not at its first call.
    resolveValidation(config.validation, undefined, config.validateResponses);
    this.#credentials = resolveCredentialsProvider(config.credentials, {
      profile: config.profile,
      env: config.env,
    });
    const env = config.env ?? processEnv();
    this.#envRegion = env[ENV_REGION_ID] || undefined;
    this.#endpoint = config.endpoint ?? envEndpoint(env, service.product);
    this.#sharedEndpoint = endpointResolver(service.endpoints, this.#endpoint);
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
   * call's secrets (scrub-error.ts). Middleware wraps each step (middleware.ts). */
  async invoke<Req, Res>(action: ActionDescriptor, params: Req, options: CallOptions = {}): Promise<Res> {
    const secrets = callScrubber();
    const logger = scrubbedLogger(this.#config.logger, secrets.scrub);
    try {
      const extra = options.middleware;
      const wrap = this.middleware.size === 0 && !extra?.length ? direct : await this.#composed(extra);
      const { validateResponses } = this.#config;
      const validation = resolveValidation(this.#config.validation, options.validation, validateResponses);
      const context = { action: action.name, attempt: 0 };
      const serialize = wrap(
        'serialize',
        ({ input, request }) =>
          this.#attempts({
            action,
            input,
            unsigned: request,
            options,
            secrets,
            logger,
            wrap,
            validation,
            // The call's deadline starts here, as its attempts do.
            time: this.#time(options),
            started: 0,
          }),
        context,
      );
      const initialize = wrap(
        'initialize',
        async ({ input }) => {
          checkRequest(action, input, validation.request, logger);
          return serialize({ input, request: this.#unsigned(action, input, options, wrap === direct) });
        },
        context,
      );
      const { output } = await initialize({ input: params as Readonly<Record<string, unknown>> });
      return output as Res;
    } catch (error) {
      throw await scrubbed(error, secrets.scrub);
    }
  }

  /** The stack with the call's own middleware, fixed for the call, and the code that runs it. */
  async #composed(extra: readonly MiddlewareEntry[] | undefined): Promise<Wrap> {
    const stack = this.middleware.resolve(extra);
    const run: typeof compose = (await import('./middleware-compose.js')).compose;
    return (step, terminal, context) => run(stack[step], terminal, context);
  }

  /** The call's attempts, retried as attempts.ts decides, within the deadline its time carries. */
  async #attempts(call: Call): Promise<MiddlewareOutput> {
    const value = await attemptLoop({
      retry: this.#retry,
      quota: this.#quota,
      idempotent: call.action.idempotent,
      signal: call.options.signal,
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
        call.started = this.#now();
        const result = await this.#attempt(call, n);
        return result.ok ? result : { ...result, error: await scrubbed(result.error, call.secrets.scrub) };
      },
      after: (n, result, willRetry) => this.#after(call, n, result, willRetry),
    });
    return value as MiddlewareOutput;
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
    unseen: boolean,
  ): UnsignedRequest {
    // The request's own region before the environment's: a machine-wide default yields to a call's.
    const region =
      this.#config.region ?? (typeof params.RegionId === 'string' ? params.RegionId : this.#envRegion);
    return {
      method: options.method ?? action.methods[0] ?? 'GET',
      endpoint: unseen
        ? this.#sharedEndpoint(region)
        : resolveEndpoint(this.service.endpoints, { endpoint: this.#endpoint, region }),
      path: action.path,
      action: action.name,
      version: this.service.apiVersion,
      params: toWireParams(params, action.params),
      // `x-acs-user-agent` (browsers) is signed under V3 like every x-acs-* header; `user-agent` is
      // added after signing, as Alibaba's SDKs leave it out of the signature (see #sign).
      headers: [
        ...toHeaderParams(params, action.params),
        ...(isSignedHeader(this.#userAgent) ? [this.#userAgent] : []),
      ],
      format: this.#config.format ?? 'JSON',
    };
  }

  /** One attempt, re-signed with a fresh nonce and timestamp, through the build, finalize and
   * deserialize middleware; failures are returned, not thrown. Its value is `{ output, response }`. */
  async #attempt(call: Call, n: number): Promise<AttemptResult> {
    const context = { action: call.action.name, attempt: n };
    let raw: RawResponse | undefined;
    const deserialize = call.wrap(
      'deserialize',
      async ({ request }) => {
        raw = await this.#send(call, request);
        const output = await parseResponse(raw, call.action, this.service, call.secrets.scrub);
        if (call.validation.response !== 'off')
          await checkResponse(call.action, output, call.validation.response, call.logger);
        return { output, response: raw };
      },
      context,
    );
    const finalize = call.wrap(
      'finalize',
      async (args) => {
        const before = this.#config.hooks?.beforeRequest;
        if (before !== undefined)
          await runHook(before, await requestInfo(call, n, args.request), call.logger);
        return deserialize(args);
      },
      context,
    );
    const build = call.wrap(
      'build',
      async ({ input, request }) => finalize({ input, request: await this.#sign(call, request) }),
      context,
    );
    try {
      const value = await build({ input: call.input, request: call.unsigned });
      // A middleware that answered without sending (a cache) gives no response: a success, as it says.
      const response = value.response ?? raw;
      return {
        ok: true,
        value,
        status: response?.status ?? 200,
        headers: response?.headers ?? new Headers(),
      };
    } catch (error) {
      return { ok: false, error, status: raw?.status, headers: raw?.headers };
    }
  }

  async #sign(call: Call, request: UnsignedRequest): Promise<SignedRequest> {
    const credentials = await this.#credentials();
    const { signed, signature } = await signWithSignature(request, credentials, {
      signatureVersion: this.#config.signatureVersion ?? 'v3',
      now: new Date(this.#now() + this.#clockOffsetMs),
      nonce: newNonce(),
      crypto: this.#io.crypto,
    });
    call.secrets.learn(
      [credentials.accessKeySecret, credentials.securityToken, signature],
      credentials.accessKeyId,
    );
    if (isSignedHeader(this.#userAgent)) return signed;
    // The headers were made for this attempt alone: the unsigned user agent goes last among them.
    (signed.headers as Record<string, string>)[this.#userAgent[0]] = this.#userAgent[1];
    return signed;
  }

  async #send(call: Call, signed: SignedRequest): Promise<RawResponse> {
    const { time, options } = call;
    const left = time.hard ? time.deadline - this.#now() : time.timeoutMs;
    if (left <= 0) throw deadlineExceeded(time.deadlineMs);
    const timeoutMs = Math.min(time.timeoutMs, left);
    try {
      return await this.#io.send(signed, {
        timeoutMs,
        signal: options.signal,
        maxResponseBytes: options.maxResponseBytes ?? this.#config.maxResponseBytes,
      });
    } catch (error) {
      // Cut short by the deadline rather than by its own timeout: nothing is left to retry with.
      const late = error instanceof AcsTimeoutError && timeoutMs < time.timeoutMs;
      throw late ? deadlineExceeded(time.deadlineMs) : error;
    }
  }

  /** The hook sees the attempt's error already scrubbed; a success's RequestId is server text too. */
  #after(call: Call, n: number, result: AttemptResult, willRetry: boolean): Promise<void> | undefined {
    // Nobody to tell: a success then builds no scrubber, scrubs nothing and waits for nothing.
    if (this.#config.hooks?.afterResponse === undefined && call.logger.debug === undefined) return undefined;
    return this.#tell(call, n, result, willRetry);
  }

  async #tell(call: Call, n: number, result: AttemptResult, willRetry: boolean): Promise<void> {
    const hook = this.#config.hooks?.afterResponse;
    const error = result.ok ? undefined : (result.error as { code?: string; requestId?: string } | undefined);
    const output = result.ok ? (result.value as MiddlewareOutput).output : undefined;
    const echoed = (output as { RequestId?: unknown } | undefined)?.RequestId;
    const info = {
      action: call.action.name,
      attempt: n,
      status: result.status,
      requestId: typeof echoed === 'string' ? clip(call.secrets.scrub(echoed)) : error?.requestId,
      errorCode: error?.code,
      willRetry,
    };
    const durationMs = this.#now() - call.started;
    if (call.logger.debug !== undefined)
      (await import('./attempt-log.js')).logAttempt(call.logger, info, durationMs);
    await runHook(hook, info, call.logger);
  }
}

/** What one call carries from attempt to attempt. */
interface Call {
  readonly action: ActionDescriptor;
  readonly input: Readonly<Record<string, unknown>>;
  readonly unsigned: UnsignedRequest;
  readonly options: CallOptions;
  readonly time: Time;
  readonly secrets: CallScrubber;
  readonly logger: Logger;
  /** Each step's middleware around its work (`direct` without middleware). */
  readonly wrap: Wrap;
  readonly validation: ValidationModes;
  /** When the current attempt began, on the client's clock (for the debug line). */
  started: number;
}

/** A step's work wrapped in its middleware. */
type Wrap = <S extends Step>(
  step: S,
  terminal: Handler<StepArgs[S]>,
  context: MiddlewareContext,
) => Handler<StepArgs[S]>;

/** No middleware, the usual case: each step is its work, and middleware-compose.ts never loads. */
const direct: Wrap = (_step, terminal) => terminal;

/** What a `beforeRequest` hook sees: its code loads only for a client that has such a hook. */
async function requestInfo(call: Call, n: number, signed: SignedRequest): Promise<RequestInfo> {
  return (await import('./request-info.js')).redactedInfo(call.action, n, signed, call.secrets.scrub);
}

/** Failures only: the scrubbing of errors is loaded when one happens, not by every program. */
async function scrubbed(error: unknown, scrub: (text: string) => string): Promise<AcsError> {
  const { scrubError } = await import('./scrub-error.js');
  return scrubError(error, scrub);
}

const DEFAULT_TIMEOUT_MS = 30_000;
const ENV_REGION_ID = 'ALIBABA_CLOUD_REGION_ID';

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
