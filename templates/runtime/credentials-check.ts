// Credentials as the signer may use them: checked (an id and a secret, an optional token), and sealed so
// that printing them (JSON, console.log) shows no secret. Messages name where they came from, no value.
import { AcsCredentialsError } from './errors.js';
import type { Credentials } from './sign-request.js';

/** Validates what a caller or provider gave, and copies it into an object that never prints a secret. */
export function checked(given: unknown, where: string): Credentials {
  const c = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  const id = c.accessKeyId;
  const secret = c.accessKeySecret;
  const token = c.securityToken;
  if (typeof id !== 'string' || id === '') throw invalid(`No AccessKeyId in ${where}.`);
  if (typeof secret !== 'string' || secret === '') throw invalid(`No AccessKeySecret in ${where}.`);
  if (token !== undefined && token !== null && typeof token !== 'string') {
    throw invalid(`The SecurityToken in ${where} is not a string.`);
  }
  return sealCredentials({ accessKeyId: id, accessKeySecret: secret, securityToken: token || undefined });
}

function invalid(message: string): AcsCredentialsError {
  return new AcsCredentialsError({ code: 'Client.InvalidCredentials', message });
}

/**
 * The same credentials, but JSON.stringify and Node's inspect (console.log) show a masked key id and
 * no secret or token, so logging a credentials object cannot leak it. Fields stay plain properties.
 */
export function sealCredentials(creds: Credentials): Credentials {
  const shown = () => redactCredentials(creds);
  const sealed = { ...creds };
  Object.defineProperty(sealed, 'toJSON', { value: shown, enumerable: false });
  Object.defineProperty(sealed, Symbol.for('nodejs.util.inspect.custom'), {
    value: shown,
    enumerable: false,
  });
  return Object.freeze(sealed);
}

/** What may be shown of credentials: the key id's first four characters (LTAI…, STS.…), nothing else. */
export function redactCredentials(creds: Credentials): Record<string, string> {
  const shown: Record<string, string> = {
    accessKeyId: `${creds.accessKeyId.slice(0, 4)}***`,
    accessKeySecret: '***',
  };
  if (creds.securityToken !== undefined) shown.securityToken = '***';
  return shown;
}
