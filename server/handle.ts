// One request through the pinned order of checks (server/README.md): method → action → version →
// authentication → faults → parameters → the action's answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer } from './actions/answer.ts';
import type { AuthContext } from './auth/context.ts';
import { verifyV1 } from './auth/verify-v1.ts';
import { verifyV3 } from './auth/verify-v3.ts';
import { readFaultHeaders } from './faults/header.ts';
import { applyFault, type FaultedRequest, type FaultState, faultLatency } from './faults/inject.ts';
import { applyCors, type CorsPolicy } from './http/cors.ts';
import { BodyRefused, ClientGone, type RequestLimits, type StartTimer } from './http/limits.ts';
import { bodilessRequest, expectsBody, readRequest, type WireRequest } from './http/read-request.ts';
import { decodeParams, issueToError } from './protocol/decode.ts';
import { chooseFormat, formatOfUrl, sharedRule } from './protocol/format.ts';
import type { Format } from './protocol/render.ts';
import { ServerError } from './protocol/server-error.ts';
import { newRequestId, sendError, sendSuccess } from './respond.ts';
import type { Route, Served, ServiceTable } from './services.ts';

export interface ServerState extends FaultState {
  /** Keys and nonces are shared; each service's own timestamp window applies to its requests. */
  readonly auth: Omit<AuthContext, 'windowSeconds'>;
  readonly table: ServiceTable;
  readonly log: ((line: string) => void) | undefined;
  readonly limits: RequestLimits;
  readonly timer: StartTimer;
  readonly cors: CorsPolicy;
  /** The Date header of the current second, made once a second rather than per request. */
  readonly date: { second: number; text: string };
  /** Each service's authentication context: `auth` with the service's timestamp window. */
  readonly authOf: ReadonlyMap<Served, AuthContext>;
}

const V1_COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
]);

/** What one request has come to so far: for its answer, its error and its access-log line. */
interface Call {
  readonly requestId: string;
  /** The Date header of its answer. */
  readonly date: string;
  readonly started: number;
  /** Chosen once the parameters are read; an error before that reads the URL's (formatOfUrl). */
  format: Format | undefined;
  action: string;
  served: Served | undefined;
}

/** Answers one request. Synchronous unless the request has a body to wait for or a latency fault: a
 * bodiless call is answered within node:http's callback, with no promise made for it. */
export function handle(req: IncomingMessage, res: ServerResponse, state: ServerState): void {
  const call: Call = {
    requestId: newRequestId(),
    // The Date header tells the server's clock, the one the timestamp window is checked against.
    date: httpDate(state.date, state.auth.now()),
    started: Date.now(),
    format: undefined,
    action: '-',
    served: undefined,
  };
  // A browser's preflight from an allowed origin is answered here; any other OPTIONS is a method error.
  if (applyCors(req, res, state.cors, call.date))
    return void state.log?.(`OPTIONS - 204 0ms ${call.requestId}`);
  let pending: Promise<void> | undefined;
  try {
    pending = serve(req, res, state, call);
  } catch (error) {
    fail(req, res, state, call, error);
  }
  if (pending === undefined) {
    logAnswer(req, res, state, call);
    return;
  }
  pending.then(
    () => logAnswer(req, res, state, call),
    (error: unknown) => {
      fail(req, res, state, call, error);
      logAnswer(req, res, state, call);
    },
  );
}

/** Answers the request; a promise only while its body or a latency fault is awaited. */
function serve(req: IncomingMessage, res: ServerResponse, state: ServerState, call: Call) {
  // What Node answers with a bare 400 unless told not to (RFC 9112: HTTP/1.1 requires Host).
  if (req.headers.host === undefined && req.httpVersion !== '1.0')
    throw new ServerError('InvalidParameter', 'Host', 'An HTTP/1.1 request must name its Host.');
  if (req.method !== 'GET' && req.method !== 'POST') throw new ServerError('UnsupportedHTTPMethod');
  // A request without a body is whole already: read without waiting for the stream's end.
  if (expectsBody(req))
    return readRequest(req, state.limits, state.timer).then((wire) =>
      answerRead(req, res, state, call, wire),
    );
  return answerRead(req, res, state, call, bodilessRequest(req, state.limits));
}

function answerRead(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServerState,
  call: Call,
  wire: WireRequest,
): Promise<void> | undefined {
  const pairs = wire.form.length === 0 ? wire.query : [...wire.query, ...wire.form];
  const v3 = (wire.headers.authorization ?? '').startsWith('ACS3-');
  const route = routeOf(state.table, wire, pairs, v3, call);
  call.served = route.served;
  // Routed: the service's own rule (routeOf chose the format of an error before this).
  call.format = chooseFormat(pairs, wire.headers, route.served.facts.service.protocol);
  call.action = route.action.descriptor.name;
  const auth = state.authOf.get(route.served)!;
  const keyId = v3 ? verifyV3(wire, auth) : verifyV1(wire.method, pairs, auth);
  const params = v3 ? pairs : pairs.filter(([k]) => !V1_COMMON.has(k));
  const own = readFaultHeaders(wire.headers);
  const checked: Checked = {
    req,
    res,
    accessKeyId: keyId,
    action: call.action,
    params,
    own,
    date: call.date,
    route,
    wire,
  };
  const latency = faultLatency(own, state);
  if (latency > 0) return state.sleep(latency).then(() => answerChecked(checked, state, call));
  answerChecked(checked, state, call);
  return undefined;
}

/** An authenticated request, with its route and its faults read. */
interface Checked extends FaultedRequest {
  readonly route: Route;
  readonly wire: WireRequest;
}

/** After any latency: the faults, the parameters, the action's answer. */
function answerChecked(checked: Checked, state: ServerState, call: Call): void {
  if (applyFault(checked, state)) return;
  const { descriptor } = checked.route.action;
  const decoded = decodeParams(descriptor, checked.params, checked.wire.headers);
  const issues = descriptor.validateRequest(decoded);
  if (issues.length > 0) throw issueToError(issues[0]!, descriptor);
  sendSuccess(checked.res, call as Answered, descriptor, answer({ ...checked.route, params: decoded }));
}

type Answered = Call & { readonly format: Format };

function fail(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServerState,
  call: Call,
  error: unknown,
): void {
  if (error instanceof ClientGone) return;
  const known = error instanceof ServerError ? error : new ServerError('InternalError');
  if (!(error instanceof ServerError)) state.log?.(`internal error ${call.requestId}: ${String(error)}`);
  // A body too large (read and dropped) or too slow (still coming): answer, then close.
  if (error instanceof BodyRefused && !res.headersSent) res.setHeader('connection', 'close');
  call.format ??= formatOfUrl(req.url ?? '/', req.headers);
  if (!res.headersSent && !res.destroyed)
    sendError(
      res,
      { ...(call as Answered), host: req.headers.host ?? '', table: state.table, served: call.served },
      known,
    );
}

function logAnswer(req: IncomingMessage, res: ServerResponse, state: ServerState, call: Call): void {
  if (state.log === undefined) return;
  // `-`: nothing was answered (the client went away, or a `reset` fault).
  const status = res.headersSent ? res.statusCode : '-';
  state.log(`${req.method} ${call.action} ${status} ${Date.now() - call.started}ms ${call.requestId}`);
}

function httpDate(cache: ServerState['date'], now: number): string {
  const second = Math.floor(now / 1000);
  if (cache.second !== second) {
    cache.second = second;
    cache.text = new Date(now).toUTCString();
  }
  return cache.text;
}

/** The action by name (`Action` or `x-acs-action`), then the service by `Version` (or `x-acs-version`).
 * A request it cannot route is answered by the RPC convention's format before the action is known,
 * by its product's once it is (when every version of it agrees on one). */
function routeOf(
  table: ServiceTable,
  wire: WireRequest,
  pairs: readonly [string, string][],
  v3: boolean,
  call: Call,
): Route {
  // No closure per request: under tsx (npm start, the tests) each one made is also named at run time.
  const name = v3 ? (wire.headers['x-acs-action'] as string | undefined) : pairValue(pairs, 'Action');
  const versions = name ? table.versionsOf(name) : undefined;
  const version = v3 ? (wire.headers['x-acs-version'] as string | undefined) : pairValue(pairs, 'Version');
  const route = version ? versions?.get(version) : undefined;
  if (route !== undefined) return route;
  const protocols =
    versions === undefined ? [] : [...versions.values()].map((r) => r.served.facts.service.protocol);
  call.format = chooseFormat(pairs, wire.headers, sharedRule(protocols));
  if (!name) throw new ServerError('MissingParameter', v3 ? 'x-acs-action' : 'Action');
  if (versions === undefined) throw new ServerError('InvalidAction.NotFound', 'Action');
  if (!version) throw new ServerError('MissingParameter', v3 ? 'x-acs-version' : 'Version');
  throw new ServerError('InvalidVersion', 'Version');
}

function pairValue(pairs: readonly [string, string][], name: string): string | undefined {
  for (const [key, value] of pairs) if (key === name) return value;
  return undefined;
}
