// What the conformance runner's options mean: said alike by `acs-rpc conformance --help` and by each
// package's own bin (cli.ts), which both run it. No imports, so a command's help loads nothing more.

/** Checks at once unless --concurrency says otherwise: enough to keep a local server busy. */
export const DEFAULT_CONCURRENCY = 4;

export const OPTIONS_HELP: string = `--access-key-secret may be left out for ALIBABA_CLOUD_ACCESS_KEY_SECRET (then not in the shell's history).
--only takes a check id, a glob (\`auth.*\`), or several joined by commas (\`auth.*,boundary.*\`).
--value Name=value (repeatable) names a parameter's value where the spec's example will not do;
Name=a,b names several (requests use the first; filter and region checks compare them all).
--region ID is RegionId for every request (it wins over a --value of it).
--seed N replays a run's generated values (each run prints its seed); --shard I/N runs the I-th of
N equal slices of the checks; --no-auth-checks leaves the signature checks out; --concurrency N runs N
checks at once (default ${DEFAULT_CONCURRENCY}; checks that move a resource run alone); --junit FILE also writes a
JUnit report.`;
