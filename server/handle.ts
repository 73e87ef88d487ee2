// One request through the pinned order of checks (server/README.md): method → action → version →
// authentication → faults → parameters → the action's answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer } from './actions/answer.ts';
import type { AuthContext } from './auth/context.ts';
import { verifyV1 } from './auth/verify-v1.ts';
import { verifyV3 } from './auth/verify-v3.ts';
import { readFaultHeaders } from './faults/header.ts';
import { applyFault, type FaultState, faultLatency } from './faults/inject.ts';
import { applyCors, type CorsPolicy } from './http/cors.ts';
import { BodyRefused, ClientGone, type RequestLimits, type StartTimer } from './http/limits.ts';
import { bodilessRequest, expectsBody, readRequest, type WireRequest } from './http/read-request.ts';
import { decodeParams, issueToError } from './protocol/decode.ts';
import { chooseFormat, formatOfUrl } from './protocol/format.ts';
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

export async function handle(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<void> {
  const requestId = newRequestId();
  // Chosen once the parameters are read; an error before that reads the URL's (formatOfUrl).
  let format: Format | undefined;
  let action = '-';
  let served: Served | undefined;
  const started = Date.now();
  // The Date header tells the server's clock, the one the timestamp window is checked against.
  res.setHeader('date', httpDate(state.date, state.auth.now()));
  // A browser's preflight from an allowed origin is answered here; any other OPTIONS is a method error.
  if (applyCors(req, res, state.cors)) return void state.log?.(`OPTIONS - 204 0ms ${requestId}`);
  try {
    // What Node answers with a bare 400 unless told not to (RFC 9112: HTTP/1.1 requires Host).
    if (req.headers.host === undefined && req.httpVersion !== '1.0')
      throw new ServerError('InvalidParameter', 'Host', 'An HTTP/1.1 request must name its Host.');
    if (req.method !== 'GET' && req.method !== 'POST') throw new ServerError('UnsupportedHTTPMethod');
    // A request without a body is whole already: read without waiting for the stream's end.
    const wire = expectsBody(req)
      ? await readRequest(req, state.limits, state.timer)
      : bodilessRequest(req, state.limits);
    const pairs = wire.form.length === 0 ? wire.query : [...wire.query, ...wire.form];
    format = chooseFormat(pairs, wire.headers);
    const v3 = (wire.headers.authorization ?? '').startsWith('ACS3-');
    const route = routeOf(state.table, wire, pairs, v3);
    served = route.served;
    action = route.action.descriptor.name;
    const auth = state.authOf.get(served)!;
    const keyId = v3 ? verifyV3(wire, auth) : verifyV1(wire.method, pairs, auth);
    const params = v3 ? pairs : pairs.filter(([k]) => !V1_COMMON.has(k));
    const own = readFaultHeaders(wire.headers);
    const latency = faultLatency(own, state);
    if (latency > 0) await state.sleep(latency);
    if (applyFault({ req, res, accessKeyId: keyId, action, params, own }, state)) return;
    const decoded = decodeParams(route.action.descriptor, params, wire.headers);
    const issues = route.action.descriptor.validateRequest(decoded);
    if (issues.length > 0) throw issueToError(issues[0]!, route.action.descriptor);
    sendSuccess(res, format, route.action.descriptor, requestId, answer({ ...route, params: decoded }));
  } catch (error) {
    if (error instanceof ClientGone) return;
    const known = error instanceof ServerError ? error : new ServerError('InternalError');
    if (!(error instanceof ServerError)) state.log?.(`internal error ${requestId}: ${String(error)}`);
    // A body too large (read and dropped) or too slow (still coming): answer, then close.
    if (error instanceof BodyRefused && !res.headersSent) res.setHeader('connection', 'close');
    format ??= formatOfUrl(req.url ?? '/', req.headers);
    if (!res.headersSent && !res.destroyed)
      sendError(res, { format, requestId, host: req.headers.host ?? '', table: state.table, served }, known);
  } finally {
    // `-`: nothing was answered (the client went away, or a `reset` fault).
    const status = res.headersSent ? res.statusCode : '-';
    state.log?.(`${req.method} ${action} ${status} ${Date.now() - started}ms ${requestId}`);
  }
}

function httpDate(cache: ServerState['date'], now: number): string {
  const second = Math.floor(now / 1000);
  if (cache.second !== second) {
    cache.second = second;
    cache.text = new Date(now).toUTCString();
  }
  return cache.text;
}

/** The action by name (`Action` or `x-acs-action`), then the service by `Version` (or `x-acs-version`). */
function routeOf(
  table: ServiceTable,
  wire: WireRequest,
  pairs: readonly [string, string][],
  v3: boolean,
): Route {
  const header = (name: string) => wire.headers[name] as string | undefined;
  const get = (name: string) => pairs.find(([k]) => k === name)?.[1];
  const name = v3 ? header('x-acs-action') : get('Action');
  if (!name) throw new ServerError('MissingParameter', v3 ? 'x-acs-action' : 'Action');
  table.versionsOf(name);
  const version = v3 ? header('x-acs-version') : get('Version');
  if (!version) throw new ServerError('MissingParameter', v3 ? 'x-acs-version' : 'Version');
  return table.route(name, version);
}
