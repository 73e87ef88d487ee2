// The conformance runner's command line, shared by `acs-rpc conformance` and the package's own bin.
import { parseArgs } from 'node:util';
import { MissingDependencyError } from './optional.js';
import { DEFAULT_CONCURRENCY, OPTIONS_HELP } from './options-help.js';
import { failureDetails, junit, outcomeLine, summary } from './report.js';
import { type RunResult, runChecks } from './runner.js';
import type { ConformanceFacts } from './types.js';

function usage(program: string): string {
  return `Usage: ${program} --endpoint URL --access-key-id ID --access-key-secret SECRET [--region ID]
         [--value Name=value]... [--junit FILE] [--only PATTERN] [--shard I/N] [--seed N] [--no-auth-checks]
         [--concurrency N]`;
}

/** What --help prints: the usage, then what each option does and what the exit status says. */
function help(program: string, facts: ConformanceFacts): string {
  return `${usage(program)}

Check any server against ${facts.service.product} ${facts.service.apiVersion} as its spec declares it; the last line
printed is \`N passed, N failed\`, and each failure is printed with the command that reruns it alone.
${OPTIONS_HELP}

Exit status: 0 every check passed, 1 a check failed, 2 a wrong command line (or fast-check missing
for the fuzz checks).
`;
}

export async function runConformanceCli(
  argv: readonly string[],
  facts: ConformanceFacts,
  program = 'conformance',
): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        endpoint: { type: 'string' },
        'access-key-id': { type: 'string' },
        'access-key-secret': { type: 'string' },
        region: { type: 'string' },
        value: { type: 'string', multiple: true },
        junit: { type: 'string' },
        only: { type: 'string' },
        shard: { type: 'string' },
        seed: { type: 'string' },
        'no-auth-checks': { type: 'boolean' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage(program)}\n`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(help(program, facts));
    return 0;
  }
  const endpoint = values.endpoint as string | undefined;
  const id = values['access-key-id'] as string | undefined;
  const secret =
    (values['access-key-secret'] as string | undefined) ?? process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  const shard = /^(\d+)\/(\d+)$/.exec((values.shard as string | undefined) ?? '1/1');
  const concurrency = Number(values.concurrency ?? DEFAULT_CONCURRENCY);
  if (
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    endpoint === undefined ||
    id === undefined ||
    secret === undefined ||
    shard === null ||
    Number(shard[1]) < 1 ||
    Number(shard[1]) > Number(shard[2])
  ) {
    process.stderr.write(`${usage(program)}\n`);
    return 2;
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const given = Object.fromEntries(
    ((values.value as string[] | undefined) ?? []).map(
      (v) => v.split(/=(.*)/s).slice(0, 2) as [string, string],
    ),
  );
  const target = {
    endpoint,
    accessKeyId: id,
    accessKeySecret: secret,
    // --region is the one flag for RegionId: it wins over a --value of it, as ACS_RPC_REGION does.
    values: { ...given, ...(values.region ? { RegionId: values.region as string } : {}) },
  };
  process.stdout.write(
    `conformance of ${endpoint} against ${facts.service.product} ${facts.service.apiVersion}, seed ${seed}\n`,
  );
  let result: RunResult;
  try {
    result = await runChecks(
      facts,
      target,
      {
        only: values.only as string | undefined,
        shard: { index: Number(shard[1]), count: Number(shard[2]) },
        seed,
        authChecks: values['no-auth-checks'] !== true,
        concurrency,
      },
      (o) => process.stdout.write(`${outcomeLine(o)}\n`),
    );
  } catch (error) {
    if (!(error instanceof MissingDependencyError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const base = `npx ${program} --endpoint ${endpoint} --access-key-id ${id} --access-key-secret "$SECRET" --seed ${seed}`;
  for (const o of result.outcomes)
    if (o.failure !== undefined) process.stdout.write(`${failureDetails(o, `${base} --only '${o.id}'`)}\n`);
  if (values.junit !== undefined) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(values.junit as string, junit(result, `${facts.service.product}-conformance`));
  }
  process.stdout.write(`${summary(result, facts)}\n`);
  return result.outcomes.every((o) => o.failure === undefined) ? 0 : 1;
}
