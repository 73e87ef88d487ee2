// The core every generated client delegates to: validate, sign, send, parse, retry.
import { createPlatformIo } from '#platform';
import { type AttemptResult, attemptLoop, type LoopContext } from './attempts.js';
import { scrubbedLogger } from './call-logger.js';
import { attemptTimeout, callTime, lateError, type Time } from './call-time.js';
import { type Call, ENV_REGION_ID, newCall, requestInfo, scrubbed, succeeded } from './client-call.js';
import type { CallOptions, ClientConfig, Command } from './client-options.js';
import { type ResolvedProvider, resolveCredentialsProvider } from './credentials.js';
import { newNonce } from './crypto.js';
import type { ActionDescriptor, ServiceDescriptor } from './descriptors.js';
import { endpointResolver, envEndpoint, resolveEndpoint } from './endpoint.js';
import { processEnv } from './env.js';
import { type Logger, runHook } from './hooks.js';
import { type MiddlewareEntry, type MiddlewareOutput, MiddlewareStack } from './middleware.js';
import type { StepRunner } from './middleware-steps.js';
import type { PlatformIo } from './platform.js';
import { type CallScrubber, callScrubber } from './redact.js';
import { readResponse } from './response.js';
import { DEFAULT_RETRY, type RetryOptions, RetryQuota, sleep } from './retry.js';
import { toHeaderParams, toWireParams } from './serialize.js';
import {
  type Credentials,
  type Signed,
  type SignedRequest,
  signAsSoonAsPossible,
  timestamps,
  type UnsignedRequest,
} from './sign-request.js';
import type { RawResponse } from './transport.js';
import { isSignedHeader, userAgentHeader } from './user-agent.js';
import { checkRequest, checkResponse, resolveValidation, type ValidationModes } from './validation-mode.js';

export type { CallOptions, ClientConfig, Command } from './client-options.js';

export class RpcClient {
  readonly service: ServiceDescriptor;
  readonly #config: ClientConfig;
  readonly #credentials: ResolvedProvider;
  readonly #retry: RetryOptions;
  readonly #quota: RetryQuota;
  /** Server time minus local time, learnt from a rejected timestamp's Date header. */
  #clockOffsetMs = 0;
  /** This runtime's crypto (with the derived keys) and transport (with its sockets): platform.ts. */
  readonly #io: PlatformIo;
  readonly #userAgent: [string, string];
  /** Whether the user agent goes as `x-acs-user-agent`, signed (browsers), or unsigned after signing. */
  readonly #signedAgent: boolean;
  /** Middleware every call runs, by step (middleware.ts). */
  readonly middleware: MiddlewareStack = new MiddlewareStack();
  /** `ALIBABA_CLOUD_REGION_ID`, read once: the region when neither the config nor the request gives one. */
  readonly #envRegion: string | undefined;
  /** The config's endpoint, else the environment's (endpoint.ts, `envEndpoint`). */
  readonly #endpoint: string | undefined;
  /** Each region's endpoint parsed once, for calls no middleware sees (one could change the URL). */
  readonly #sharedEndpoint: (region: string | undefined) => URL;
  /** The config's validation modes, for the calls that set none of their own. */
  readonly #validation: ValidationModes;
  /** Signing timestamps, the last second's text kept. */
  readonly #timestamp = timestamps();

  constructor(service: ServiceDescriptor, config: ClientConfig = {}) {
    this.service = service;
    this.#config = config;
    this.#userAgent = userAgentHeader(service.userAgent, config.userAgent);
    this.#signedAgent = isSignedHeader(this.#userAgent);
    // A mistyped mode is refused when the client is made, not at its first call.
    this.#validation = resolveValidation(config.validation, undefined, config.validateResponses);
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
  invoke<Req, Res>(action: ActionDescriptor, params: Req, options: CallOptions = {}): Promise<Res> {
    const secrets = callScrubber();
    const logger = scrubbedLogger(this.#config.logger, secrets.scrub);
    const input = params as Readonly<Record<string, unknown>>;
    let done: Promise<MiddlewareOutput>;
    try {
      if (this.middleware.size !== 0 || options.middleware?.length) {
        done = this.#withMiddleware(action, input, options, secrets, logger);
      } else {
        // No middleware: the same work in the same order, with no handler built around each step.
        const validation = this.#validationOf(options);
        checkRequest(action, input, validation.request, logger);
        const unsigned = this.#unsigned(action, input, options, true);
        const time = this.#time(options);
        done = this.#attempts(newCall(action, input, unsigned, options, secrets, logger, validation, time));
      }
    } catch (error) {
      done = Promise.reject(error);
    }
    return done.then(
      (result) => result.output as Res,
      (error: unknown) => scrubbed(error, secrets.scrub).then((clean) => Promise.reject(clean)),
    );
  }

  async #withMiddleware(
    action: ActionDescriptor,
    input: Readonly<Record<string, unknown>>,
    options: CallOptions,
    secrets: CallScrubber,
    logger: Logger,
  ): Promise<MiddlewareOutput> {
    const steps = await this.#composed(options.middleware);
    const validation = this.#validationOf(options);
    const work = {
      check: (given: typeof input) => checkRequest(action, given, validation.request, logger),
      unsigned: (given: typeof input) => this.#unsigned(action, given, options, false),
      attempts: (given: typeof input, request: UnsignedRequest) => {
        const time = this.#time(options);
        return this.#attempts(
          newCall(action, given, request, options, secrets, logger, validation, time, steps),
        );
      },
    };
    return steps.call({ action: action.name, attempt: 0 }, work, input);
  }

  #validationOf(options: CallOptions): ValidationModes {
    if (options.validation === undefined) return this.#validation;
    return resolveValidation(this.#config.validation, options.validation, this.#config.validateResponses);
  }

  /** The call's deadline starts with its attempts, after the request is checked and built. */
  #time(options: CallOptions): Time {
    return callTime(options, this.#config, this.#retry.maxAttempts, this.#now());
  }

  /** The stack with the call's own middleware, fixed for the call, and the code that runs it. */
  async #composed(extra: readonly MiddlewareEntry[] | undefined): Promise<StepRunner> {
    const stack = this.middleware.resolve(extra);
    return (await import('./middleware-steps.js')).stepRunner(stack);
  }

  /** The call's attempts, retried as attempts.ts decides, within the deadline its time carries. A first
   * success nobody is told of ends the call without the loop's machinery. */
  async #attempts(call: Call): Promise<MiddlewareOutput> {
    const first = await this.#attempt(call, 1);
    if (first.ok && this.#config.hooks?.afterResponse === undefined && call.logger.debug === undefined) {
      this.#quota.release(this.#retry.successRefund);
      return first.value as MiddlewareOutput;
    }
    return attemptLoop(this.#loop(call), first) as Promise<MiddlewareOutput>;
  }

  #loop(call: Call): LoopContext {
    return {
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
      attempt: (n) => this.#attempt(call, n),
      after: (n, result, willRetry) => this.#after(call, n, result, willRetry),
    };
  }

  readonly #now = (): number => (this.#config.now ?? Date.now)();

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
      headers: this.#signedAgent
        ? [...toHeaderParams(params, action.params), this.#userAgent]
        : toHeaderParams(params, action.params),
      format: this.#config.format ?? 'JSON',
      formatParameter: this.service.protocol?.formatParameter,
    };
  }

  /** One attempt, re-signed with a fresh nonce and timestamp, through the build, finalize and
   * deserialize middleware; failures are returned, scrubbed, not thrown. Its value is `{ output,
   * response }`. Without middleware each step is awaited only when it answers with a promise. */
  async #attempt(call: Call, n: number): Promise<AttemptResult> {
    call.started = this.#now();
    let raw: RawResponse | undefined;
    try {
      if (call.steps !== undefined) {
        const work = {
          sign: async (request: UnsignedRequest) => this.#sign(call, request),
          beforeRequest: (signed: SignedRequest) => this.#beforeRequest(call, n, signed),
          send: async (signed: SignedRequest) => (raw = await this.#send(call, signed)),
          parse: async (response: RawResponse) => this.#parse(call, response),
        };
        const context = { action: call.action.name, attempt: n };
        const value = await call.steps.attempt(context, work, call.input, call.unsigned);
        // A middleware that answered without sending (a cache) gives no response: a success, as it says.
        return succeeded(value, value.response ?? raw);
      }
      const signing = this.#sign(call, call.unsigned);
      const signed = signing instanceof Promise ? await signing : signing;
      const hooked = this.#beforeRequest(call, n, signed);
      if (hooked !== undefined) await hooked;
      const response = await this.#send(call, signed);
      raw = response;
      const parsed = this.#parse(call, response);
      const output = parsed instanceof Promise ? await parsed : parsed;
      return succeeded({ output, response }, response);
    } catch (error) {
      const scrubbedError = await scrubbed(error, call.secrets.scrub);
      return { ok: false, error: scrubbedError, status: raw?.status, headers: raw?.headers };
    }
  }

  /** Nothing to wait for without the hook: no turn is spent on it then. */
  #beforeRequest(call: Call, n: number, signed: SignedRequest): Promise<void> | undefined {
    const before = this.#config.hooks?.beforeRequest;
    return before && requestInfo(call, n, signed).then((info) => runHook(before, info, call.logger));
  }

  /** The body, or a promise of it when there is something to wait for (XML, a failure, validation). */
  #parse(call: Call, raw: RawResponse): unknown {
    const output = readResponse(raw, call.action, this.service, call.secrets.scrub);
    const mode = call.validation.response;
    if (mode === 'off') return output;
    return Promise.resolve(output).then(async (body) => {
      await checkResponse(call.action, body, mode, call.logger);
      return body;
    });
  }

  /** Keys given as keys, and V3 with node:crypto, cost no turn: the signed request itself then. */
  #sign(call: Call, request: UnsignedRequest): SignedRequest | Promise<SignedRequest> {
    const fixed = this.#credentials.fixed;
    if (fixed !== undefined) return this.#signWith(call, request, fixed);
    return this.#credentials().then((credentials) => this.#signWith(call, request, credentials));
  }

  #signWith(call: Call, request: UnsignedRequest, keys: Credentials): SignedRequest | Promise<SignedRequest> {
    const signing = signAsSoonAsPossible(request, keys, {
      signatureVersion: this.#config.signatureVersion ?? 'v3',
      now: new Date(this.#now() + this.#clockOffsetMs),
      nonce: newNonce(),
      crypto: this.#io.crypto,
      timestamp: this.#timestamp,
    });
    if (signing instanceof Promise) return signing.then((done) => this.#learnt(call, keys, done));
    return this.#learnt(call, keys, signing);
  }

  #learnt(call: Call, keys: Credentials, { signed, signature }: Signed): SignedRequest {
    call.secrets.learn([keys.accessKeySecret, keys.securityToken, signature], keys.accessKeyId);
    if (this.#signedAgent) return signed;
    // The headers were made for this attempt alone: the unsigned user agent goes last among them.
    (signed.headers as Record<string, string>)[this.#userAgent[0]] = this.#userAgent[1];
    return signed;
  }

  /** Throws at once when no time is left (its callers await it inside their own try). */
  #send(call: Call, signed: SignedRequest): Promise<RawResponse> {
    const timeoutMs = attemptTimeout(call.time, this.#now());
    const { signal, maxResponseBytes } = call.options;
    const limit = maxResponseBytes ?? this.#config.maxResponseBytes;
    return this.#io.send(signed, { timeoutMs, signal, maxResponseBytes: limit }).catch((error: unknown) => {
      throw lateError(error, call.time, timeoutMs);
    });
  }

  /** Nobody to tell: a success then builds no scrubber, scrubs nothing and waits for nothing. */
  #after(call: Call, n: number, result: AttemptResult, willRetry: boolean): Promise<void> | undefined {
    const hook = this.#config.hooks?.afterResponse;
    if (hook === undefined && call.logger.debug === undefined) return undefined;
    const durationMs = this.#now() - call.started;
    const { action, logger } = call;
    const scrub = call.secrets.scrub;
    return import('./attempt-report.js')
      .then((m) => m.reportAttempt({ action, n, result, willRetry, durationMs, scrub, logger }))
      .then((info) => runHook(hook, info, logger));
  }
}
