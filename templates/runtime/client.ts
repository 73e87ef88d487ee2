// The core every generated client delegates to: validate, sign, send, parse, retry.
import { createPlatformIo } from '#platform';
import { type AttemptResult, attemptLoop } from './attempts.js';
import { scrubbedLogger } from './call-logger.js';
import { attemptTimeout, callTime, lateError, type Time } from './call-time.js';
import type { CallOptions, ClientConfig, Command } from './client-options.js';
import { type ResolvedProvider, resolveCredentialsProvider } from './credentials.js';
import { newNonce } from './crypto.js';
import type { ActionDescriptor, ServiceDescriptor } from './descriptors.js';
import { endpointResolver, envEndpoint, resolveEndpoint } from './endpoint.js';
import { processEnv } from './env.js';
import type { AcsError } from './errors.js';
import { type Logger, type RequestInfo, runHook } from './hooks.js';
import type { MiddlewareEntry, MiddlewareOutput } from './middleware.js';
import { MiddlewareStack } from './middleware.js';
import type { StepRunner } from './middleware-steps.js';
import type { PlatformIo } from './platform.js';
import { type CallScrubber, callScrubber } from './redact.js';
import { parseResponse } from './response.js';
import { DEFAULT_RETRY, type RetryOptions, RetryQuota, sleep } from './retry.js';
import { toHeaderParams, toWireParams } from './serialize.js';
import {
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
  async invoke<Req, Res>(action: ActionDescriptor, params: Req, options: CallOptions = {}): Promise<Res> {
    const secrets = callScrubber();
    const logger = scrubbedLogger(this.#config.logger, secrets.scrub);
    try {
      const extra = options.middleware;
      const steps = this.middleware.size === 0 && !extra?.length ? undefined : await this.#composed(extra);
      const validation =
        options.validation === undefined
          ? this.#validation
          : resolveValidation(this.#config.validation, options.validation, this.#config.validateResponses);
      const input = params as Readonly<Record<string, unknown>>;
      // The call's deadline starts with its attempts, after the request is checked and built.
      const call = (unsigned: UnsignedRequest, given: typeof input): Call => ({
        action,
        input: given,
        unsigned,
        options,
        secrets,
        logger,
        steps,
        validation,
        time: callTime(options, this.#config, this.#retry.maxAttempts, this.#now()),
        started: 0,
      });
      if (steps === undefined) {
        // No middleware: the same work in the same order, with no handler built around each step.
        checkRequest(action, input, validation.request, logger);
        return (await this.#attempts(call(this.#unsigned(action, input, options, true), input)))
          .output as Res;
      }
      const work = {
        check: (given: typeof input) => checkRequest(action, given, validation.request, logger),
        unsigned: (given: typeof input) => this.#unsigned(action, given, options, false),
        attempts: (given: typeof input, request: UnsignedRequest) => this.#attempts(call(request, given)),
      };
      return (await steps.call({ action: action.name, attempt: 0 }, work, input)).output as Res;
    } catch (error) {
      throw await scrubbed(error, secrets.scrub);
    }
  }

  /** The stack with the call's own middleware, fixed for the call, and the code that runs it. */
  async #composed(extra: readonly MiddlewareEntry[] | undefined): Promise<StepRunner> {
    const stack = this.middleware.resolve(extra);
    return (await import('./middleware-steps.js')).stepRunner(stack);
  }

  /** The call's attempts, retried as attempts.ts decides, within the deadline its time carries. */
  #attempts(call: Call): Promise<MiddlewareOutput> {
    return attemptLoop({
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
    }) as Promise<MiddlewareOutput>;
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
   * deserialize middleware; failures are returned, not thrown. Its value is `{ output, response }`. */
  async #attempt(call: Call, n: number): Promise<AttemptResult> {
    let raw: RawResponse | undefined;
    try {
      let value: MiddlewareOutput;
      if (call.steps === undefined) {
        const signed = await this.#sign(call, call.unsigned);
        const hooked = this.#beforeRequest(call, n, signed);
        if (hooked !== undefined) await hooked;
        raw = await this.#send(call, signed);
        value = { output: await this.#parse(call, raw), response: raw };
      } else {
        const work = {
          sign: (request: UnsignedRequest) => this.#sign(call, request),
          beforeRequest: (signed: SignedRequest) => this.#beforeRequest(call, n, signed),
          send: async (signed: SignedRequest) => (raw = await this.#send(call, signed)),
          parse: (response: RawResponse) => this.#parse(call, response),
        };
        const context = { action: call.action.name, attempt: n };
        value = await call.steps.attempt(context, work, call.input, call.unsigned);
      }
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

  /** Nothing to wait for without the hook: no turn is spent on it then. */
  #beforeRequest(call: Call, n: number, signed: SignedRequest): Promise<void> | undefined {
    const before = this.#config.hooks?.beforeRequest;
    return before && requestInfo(call, n, signed).then((info) => runHook(before, info, call.logger));
  }

  async #parse(call: Call, raw: RawResponse): Promise<unknown> {
    const output = await parseResponse(raw, call.action, this.service, call.secrets.scrub);
    if (call.validation.response !== 'off')
      await checkResponse(call.action, output, call.validation.response, call.logger);
    return output;
  }

  async #sign(call: Call, request: UnsignedRequest): Promise<SignedRequest> {
    // Keys given as keys, and V3 with node:crypto, cost no turn: nothing there to wait for.
    const credentials = this.#credentials.fixed ?? (await this.#credentials());
    const signing = signAsSoonAsPossible(request, credentials, {
      signatureVersion: this.#config.signatureVersion ?? 'v3',
      now: new Date(this.#now() + this.#clockOffsetMs),
      nonce: newNonce(),
      crypto: this.#io.crypto,
      timestamp: this.#timestamp,
    });
    const { signed, signature } = signing instanceof Promise ? await signing : signing;
    call.secrets.learn(
      [credentials.accessKeySecret, credentials.securityToken, signature],
      credentials.accessKeyId,
    );
    if (this.#signedAgent) return signed;
    // The headers were made for this attempt alone: the unsigned user agent goes last among them.
    (signed.headers as Record<string, string>)[this.#userAgent[0]] = this.#userAgent[1];
    return signed;
  }

  async #send(call: Call, signed: SignedRequest): Promise<RawResponse> {
    const timeoutMs = attemptTimeout(call.time, this.#now());
    try {
      return await this.#io.send(signed, {
        timeoutMs,
        signal: call.options.signal,
        maxResponseBytes: call.options.maxResponseBytes ?? this.#config.maxResponseBytes,
      });
    } catch (error) {
      throw lateError(error, call.time, timeoutMs);
    }
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

/** What one call carries from attempt to attempt. */
interface Call {
  readonly action: ActionDescriptor;
  readonly input: Readonly<Record<string, unknown>>;
  readonly unsigned: UnsignedRequest;
  readonly options: CallOptions;
  readonly time: Time;
  readonly secrets: CallScrubber;
  readonly logger: Logger;
  /** The call's middleware around each step's work; undefined when it has none. */
  readonly steps: StepRunner | undefined;
  readonly validation: ValidationModes;
  /** When the current attempt began, on the client's clock (for the debug line). */
  started: number;
}

/** What a `beforeRequest` hook sees: its code loads only for a client that has such a hook. */
async function requestInfo(call: Call, n: number, signed: SignedRequest): Promise<RequestInfo> {
  return (await import('./request-info.js')).redactedInfo(call.action, n, signed, call.secrets.scrub);
}

/** Failures only: the scrubbing of errors is loaded when one happens, not by every program. */
async function scrubbed(error: unknown, scrub: (text: string) => string): Promise<AcsError> {
  const { scrubError } = await import('./scrub-error.js');
  return scrubError(error, scrub);
}

const ENV_REGION_ID = 'ALIBABA_CLOUD_REGION_ID';
