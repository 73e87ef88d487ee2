// The reads of the instance RAM role provider (credentials-instance-role.ts) from the instance metadata service:
// IMDSv2's session token, then the role name and its credentials document. Loaded on the first refresh.
import { type Expiring, parseExpiration } from './credentials-refresh.js';
import { AcsCredentialsError, AcsError } from './errors.js';
import { type Fetch, type RawResponse, send } from './transport.js';

const TOKEN_TTL_SECONDS = 21_600;
const ROLE_PATH = '/latest/meta-data/ram/security-credentials/';

export interface Ask {
  readonly base: string;
  readonly fetch: Fetch;
  readonly timeoutMs: number;
  readonly v1Allowed: boolean;
}

/** One token serves the refresh's reads (the role name, then its credentials). */
export async function fetchRoleCredentials(ask: Ask, given: string | undefined): Promise<Expiring> {
  const token = await sessionToken(ask);
  const role = given ?? (await read(ask, token, ROLE_PATH, 'the role name')).trim();
  if (role === '' || role.includes('/')) {
    throw failure('Client.MetadataNoRole', 'The metadata service names no RAM role for this instance.');
  }
  const text = await read(ask, token, `${ROLE_PATH}${encodeURIComponent(role)}`, `role "${role}"`);
  return roleCredentials(text, role);
}

/** One read, with the session token when there is one; v1 when allowed and v2 failed. */
async function read(ask: Ask, token: string | undefined, path: string, what: string): Promise<string> {
  if (token !== undefined) {
    const answer = await get(ask, path, { 'x-aliyun-ecs-metadata-token': token });
    if (answer.status === 200) return answer.bodyText;
    if (!ask.v1Allowed) throw refused(what, answer.status);
  }
  const answer = await get(ask, path, {});
  if (answer.status === 200) return answer.bodyText;
  throw refused(what, answer.status);
}

async function sessionToken(ask: Ask): Promise<string | undefined> {
  try {
    const answer = await request(ask, 'PUT', '/latest/api/token', {
      'x-aliyun-ecs-metadata-token-ttl-seconds': String(TOKEN_TTL_SECONDS),
    });
    if (answer.status === 200 && answer.bodyText !== '') return answer.bodyText;
    if (!ask.v1Allowed) throw refused('a session token (IMDSv2)', answer.status);
  } catch (error) {
    if (!ask.v1Allowed) throw error;
  }
  return undefined;
}

function get(ask: Ask, path: string, headers: Record<string, string>): Promise<RawResponse> {
  return request(ask, 'GET', path, headers);
}

async function request(
  ask: Ask,
  method: 'GET' | 'PUT',
  path: string,
  headers: Record<string, string>,
): Promise<RawResponse> {
  try {
    // The transport types the methods RPC uses; it passes any method on to fetch.
    const req = { method: method as 'GET', url: `${ask.base}${path}`, headers };
    return await send(ask.fetch, req, { timeoutMs: ask.timeoutMs, maxResponseBytes: 64 * 1024 });
  } catch (error) {
    const reason = error instanceof AcsError ? error.code : 'unknown error';
    throw failure(
      'Client.MetadataUnavailable',
      `The instance metadata service at ${ask.base} did not answer (${reason}).`,
      error,
    );
  }
}

/** The role's credentials document, checked; nothing of it is quoted (it holds the secret). */
function roleCredentials(text: string, role: string): Expiring {
  let doc: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) doc = parsed as Record<string, unknown>;
  } catch {}
  const where = `the metadata service's credentials of role "${role}"`;
  if (doc.Code !== 'Success') {
    const code = typeof doc.Code === 'string' && /^[\w.]{1,64}$/.test(doc.Code) ? ` (Code ${doc.Code})` : '';
    throw failure('Client.MetadataRefused', `Unusable ${where}${code}.`);
  }
  const expiresAt = parseExpiration(doc.Expiration);
  const { AccessKeyId: id, AccessKeySecret: secret, SecurityToken: token } = doc;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string' || !id || !secret) {
    throw failure('Client.MetadataRefused', `No AccessKeyId, AccessKeySecret or SecurityToken in ${where}.`);
  }
  if (expiresAt === undefined) throw failure('Client.MetadataRefused', `No valid Expiration in ${where}.`);
  return { credentials: { accessKeyId: id, accessKeySecret: secret, securityToken: token }, expiresAt };
}

function refused(what: string, status: number): AcsCredentialsError {
  return failure('Client.MetadataRefused', `The instance metadata service refused ${what} (HTTP ${status}).`);
}

function failure(code: string, message: string, cause?: unknown): AcsCredentialsError {
  return new AcsCredentialsError({ code, message, cause });
}
