// fast-check, which only the fuzz checks use, is an optional peer dependency of the package: installing
// the client does not install it (it was most of a client's third-party install). Whoever runs those
// checks installs it beside the package; a run that selects them without it is refused before any
// check runs, saying what to install and how to run without them.

/** The error when a check needs a package that is not installed. */
export class MissingDependencyError extends Error {
  readonly dependency: string;

  constructor(dependency: string, neededBy: string, cause: unknown) {
    super(
      `${neededBy} need ${dependency}, an optional peer dependency of this package, which is not installed. ` +
        `Install it beside the package (npm install --save-dev ${dependency}; the versions it takes are in ` +
        `the package's peerDependencies), or leave those checks out with --only.`,
      { cause },
    );
    this.name = 'MissingDependencyError';
    this.dependency = dependency;
  }
}

const FAST_CHECK = 'fast-check';
const FUZZ_CHECKS = 'The fuzz checks (fuzz.*)';

/** Resolves when fast-check can be loaded; `load` is the import (a parameter so a test can fail it). */
export async function ensureFastCheck(
  load: () => Promise<unknown> = () => import('fast-check'),
): Promise<void> {
  try {
    await load();
  } catch (error) {
    throw asMissing(error);
  }
}

/** `error` as a MissingDependencyError when it says fast-check is not installed; as it is otherwise
 * (a broken install is not a missing one). */
export function asMissing(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  // Node quotes the name it could not find; fast-check's own missing dependency names another.
  return notFound && String(message).includes(`'${FAST_CHECK}'`)
    ? new MissingDependencyError(FAST_CHECK, FUZZ_CHECKS, error)
    : error;
}
