// Credentials (Alibaba Cloud "default credential provider chain"): explicit keys, a provider function
// (refreshed tokens: instanceRoleProvider, assumeRoleProvider, your own), or the default chain
// (credentials-chain.ts). Errors name where we looked, never a value.
import type { ChainOptions, Found } from './credentials-chain.js';
import { checked } from './credentials-check.js';
import { AcsCredentialsError, AcsError } from './errors.js';
import type { Credentials } from './sign-request.js';

export type CredentialsProvider = () => Promise<Credentials>;
export type { ChainOptions } from './credentials-chain.js';
export { redactCredentials, sealCredentials } from './credentials-check.js';

/**
 * Explicit credentials are checked once, now; a provider function is called before every request,
 * so it can hand out refreshed STS tokens; without either, the default chain runs on each call (its
 * metadata service provider caching what it fetched). The chain's code loads on the first call that
 * needs it: a client given its keys never carries it.
 */
/** A provider, and the keys themselves when they were given as keys (a client then signs with them
 * without waiting a turn for a provider that could only answer them). */
export type ResolvedProvider = CredentialsProvider & { readonly fixed?: Credentials };

export function resolveCredentialsProvider(
  input: Credentials | CredentialsProvider | undefined,
  options: ChainOptions = {},
): ResolvedProvider {
  if (typeof input === 'function')
    return async () => checked(await provided(input), 'the credentials provider');
  if (input !== undefined) {
    const fixed = checked(input, 'the credentials option');
    return Object.assign(async () => fixed, { fixed });
  }
  let chain: Promise<() => Promise<Found>> | undefined;
  return async () => {
    chain ??= import('./credentials-chain.js').then((m) => m.defaultChain(options));
    const { given, where } = await (await chain)();
    return checked(given, where);
  };
}

/** What a provider function gives; whatever it throws, the call fails with an AcsError that keeps it
 * as the cause (its message is the provider's, which may quote what it was fetching: not repeated). */
async function provided(provider: CredentialsProvider): Promise<unknown> {
  try {
    return await provider();
  } catch (error) {
    if (error instanceof AcsError) throw error;
    throw new AcsCredentialsError({
      code: 'Client.CredentialsProviderFailed',
      message: `The credentials provider failed (${error instanceof Error ? error.name : typeof error}).`,
      cause: error,
    });
  }
}
