// The command's exit codes, documented in `acs-rpc --help` and README.md.
export const EXIT = {
  ok: 0,
  /** A spec with errors, a stale drift check, a refused output folder, conformance failures. */
  failed: 1,
  /** A wrong command line or config file. */
  usage: 2,
  /** A bug of ours (EX_SOFTWARE). */
  internal: 70,
} as const;

/** A mistake in the command line or the config file: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
