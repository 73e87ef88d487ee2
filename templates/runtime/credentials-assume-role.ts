// Credentials of an assumed RAM role (the credential type Alibaba's tools call `ram_role_arn`), kept
// and refreshed before their Expiration. The runtime never names a product, and never imports a
// generated package (layers), so the STS call itself is passed in: a generated STS client's
// `assumeRole` (spec/sts.yaml), which signs with this runtime and is configured — endpoint, region,
// source credentials, retries, hooks — like any client. This file knows only the credentials document
// STS answers with (the same fields as the metadata service's) and the request's parameter names.

import type { CredentialsProvider } from './credentials.js';
import { type Expiring, parseExpiration, refreshingProvider } from './credentials-refresh.js';
import { type Env, processEnv } from './env.js';
import { AcsCredentialsError, AcsError } from './errors.js';

/** The parameters the call is given. */
export interface AssumeRoleParams {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly DurationSeconds: number;
  readonly Policy?: string;
  readonly ExternalId?: string;
}

/** What the call answers: the temporary credentials, fields checked here. */
export interface AssumeRoleAnswer {
  readonly Credentials?:
    | {
        readonly AccessKeyId?: unknown;
        readonly AccessKeySecret?: unknown;
        readonly SecurityToken?: unknown;
        readonly Expiration?: unknown;
      }
    | undefined;
}

export interface AssumeRoleOptions {
  /** The STS call, e.g. `(params) => sts.assumeRole(params)` with a generated STS client. */
  readonly call: (params: AssumeRoleParams) => Promise<AssumeRoleAnswer>;
  /** The role's ARN; else `ALIBABA_CLOUD_ROLE_ARN`. */
  readonly roleArn?: string | undefined;
  /** The session's name in audit logs; else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else `acs-rpc-<time>`. */
  readonly roleSessionName?: string | undefined;
  /** Lifetime asked for, in seconds: 900 at least; 3600 by default. */
  readonly durationSeconds?: number | undefined;
  /** A policy (JSON text) narrowing the role's permissions. */
  readonly policy?: string | undefined;
  /** The external ID the role's trust policy asks for. */
  readonly externalId?: string | undefined;
  /** Environment variables; `process.env` where there is one. */
  readonly env?: Env | undefined;
  /** Clock in ms, for tests. */
  readonly now?: (() => number) | undefined;
}

export const ENV_ROLE_ARN = 'ALIBABA_CLOUD_ROLE_ARN';
export const ENV_ROLE_SESSION_NAME = 'ALIBABA_CLOUD_ROLE_SESSION_NAME';

/** A provider of the role's credentials; options are checked now, the call made on first use. */
export function assumeRoleProvider(options: AssumeRoleOptions): CredentialsProvider {
  const env = options.env ?? processEnv();
  const now = options.now ?? Date.now;
  const roleArn = options.roleArn || env[ENV_ROLE_ARN];
  if (!roleArn) throw invalid(`No role to assume: give roleArn or set ${ENV_ROLE_ARN}.`);
  const duration = options.durationSeconds ?? 3600;
  if (!Number.isInteger(duration) || duration < 900) {
    throw invalid('durationSeconds must be a whole number of seconds, at least 900.');
  }
  const params: AssumeRoleParams = {
    RoleArn: roleArn,
    RoleSessionName: options.roleSessionName || env[ENV_ROLE_SESSION_NAME] || `acs-rpc-${now()}`,
    DurationSeconds: duration,
    ...(options.policy === undefined ? {} : { Policy: options.policy }),
    ...(options.externalId === undefined ? {} : { ExternalId: options.externalId }),
  };
  return refreshingProvider(() => assume(options.call, params), { now });
}

async function assume(call: AssumeRoleOptions['call'], params: AssumeRoleParams): Promise<Expiring> {
  let answer: AssumeRoleAnswer;
  try {
    answer = await call(params);
  } catch (error) {
    // The STS error's code and request id help; its message is the service's and stays in the cause.
    const code = error instanceof AcsError ? error.code : error instanceof Error ? error.name : typeof error;
    throw new AcsCredentialsError({
      code: 'Client.AssumeRoleFailed',
      message: `Assuming role ${params.RoleArn} failed (${code}).`,
      requestId: error instanceof AcsError ? error.requestId : undefined,
      retryable: error instanceof AcsError && error.retryable,
      cause: error,
    });
  }
  const c = answer?.Credentials ?? {};
  const expiresAt = parseExpiration(c.Expiration);
  const id = c.AccessKeyId;
  const secret = c.AccessKeySecret;
  const token = c.SecurityToken;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string' || !id || !secret) {
    throw malformed(
      `No AccessKeyId, AccessKeySecret or SecurityToken in the credentials of role ${params.RoleArn}.`,
    );
  }
  if (expiresAt === undefined)
    throw malformed(`No valid Expiration in the credentials of role ${params.RoleArn}.`);
  return { credentials: { accessKeyId: id, accessKeySecret: secret, securityToken: token }, expiresAt };
}

function invalid(message: string): AcsCredentialsError {
  return new AcsCredentialsError({ code: 'Client.InvalidCredentials', message });
}

function malformed(message: string): AcsCredentialsError {
  return new AcsCredentialsError({ code: 'Client.AssumeRoleFailed', message });
}
