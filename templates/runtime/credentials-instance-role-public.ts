// What a package's index exports as `instanceRoleProvider`: a function that calls the provider, not a
// re-export of it. The default chain (loaded lazily) imports the provider too, and a bundler that
// splits code (esbuild) follows every import and re-export of a module the program reaches: a
// re-export would make the provider and its refresh logic eager in every program importing the
// package, even one given its keys. A function nobody calls is dropped, and the modules behind it
// with it.

import type { CredentialsProvider } from './credentials.js';
import { type InstanceRoleOptions, instanceRoleProvider as provider } from './credentials-instance-role.js';

export type { InstanceRoleOptions } from './credentials-instance-role.js';

/** A provider of the instance role's credentials, cached until shortly before they expire. */
export function instanceRoleProvider(options: InstanceRoleOptions = {}): CredentialsProvider {
  return provider(options);
}
