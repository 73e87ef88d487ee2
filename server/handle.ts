// One request through the pinned order of checks (server/README.md): method → action → version →
// authentication → faults → parameters → the action's handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ecsService } from '@acs-rpc/ecs';
import { ACTIONS, type ActionEntry } from './actions/index.ts';
import type { AuthContext } from './auth/context.ts';
import { verifyV1 } from './auth/verify-v1.ts';
import { verifyV3 } from './auth/verify-v3.ts';
import { readFaultHeaders } from './faults/header.ts';
import { type FaultState, fingerprint, injectFault } from './faults/inject.ts';
import { RequestTooLarge, readRequest, type WireRequest } from './http/read-request.ts';
import { decodeParams, issueToError } from './protocol/decode.ts';
import { chooseFormat, formatOfUrl } from './protocol/format.ts';
import type { Format } from './protocol/render.ts';
import { ServerError } from './protocol/server-error.ts';
import { newRequestId, sendError, sendSuccess } from './respond.ts';
import type { Inventory } from './state/inventory.ts';

export interface ServerState extends FaultState {
  readonly auth: AuthContext;
  readonly inventory: Inventory;
  readonly log: ((line: string) => void) | undefined;
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
  const host = req.headers.host ?? '';
  let format: Format = 'JSON';
  let action = '-';
  const started = Date.now();
  let status = 200;
  // The Date header tells the server's clock, the one the timestamp window is checked against.
  res.setHeader('date', new Date(state.auth.now()).toUTCString());
  try {
    format = formatOfUrl(req.url ?? '/', req.headers);
    if (req.method !== 'GET' && req.method !== 'POST') throw new ServerError('UnsupportedHTTPMethod');
    const wire = await readRequest(req);
    const pairs = [...wire.query, ...wire.form];
    format = chooseFormat(pairs, wire.headers);
    const v3 = (wire.headers.authorization ?? '').startsWith('ACS3-');
    const entry = route(wire, pairs, v3);
    action = entry.descriptor.name;
    const keyId = v3 ? await verifyV3(wire, state.auth) : await verifyV1(wire.method, pairs, state.auth);
    const apiPairs = pairs.filter(([k]) => v3 || !V1_COMMON.has(k));
    const own = readFaultHeaders(wire.headers);
    const print = fingerprint(keyId, action, apiPairs);
    if (await injectFault({ req, res, accessKeyId: keyId, fingerprint: print, own }, state)) return;
    const params = decodeParams(entry.descriptor, apiPairs);
    const issues = entry.descriptor.validateRequest(params);
    if (issues.length > 0) throw issueToError(issues[0]!, entry.descriptor);
    sendSuccess(res, format, entry.descriptor, requestId, entry.handle(params as never, state.inventory));
  } catch (error) {
    const known = error instanceof ServerError ? error : new ServerError('InternalError');
    if (!(error instanceof ServerError)) state.log?.(`internal error ${requestId}: ${String(error)}`);
    // An oversized request was read and dropped: answer, then close the connection.
    if (error instanceof RequestTooLarge && !res.headersSent) res.setHeader('connection', 'close');
    if (!res.headersSent && !res.destroyed) status = sendError(res, format, requestId, host, known);
  } finally {
    state.log?.(`${req.method} ${action} ${status} ${Date.now() - started}ms ${requestId}`);
  }
}

function route(wire: WireRequest, pairs: readonly [string, string][], v3: boolean): ActionEntry {
  const header = (name: string) => wire.headers[name] as string | undefined;
  const get = (name: string) => pairs.find(([k]) => k === name)?.[1];
  const name = v3 ? header('x-acs-action') : get('Action');
  if (!name) throw new ServerError('MissingParameter', v3 ? 'x-acs-action' : 'Action');
  const entry = ACTIONS.get(name);
  if (entry === undefined) throw new ServerError('InvalidAction.NotFound', 'Action');
  const version = v3 ? header('x-acs-version') : get('Version');
  if (!version) throw new ServerError('MissingParameter', v3 ? 'x-acs-version' : 'Version');
  if (version !== ecsService.apiVersion) throw new ServerError('InvalidVersion', 'Version');
  return entry;
}
