// The conformance suite's kill rate: a fixed selection of its checks (every check of four actions and
// every service-wide one) run against the transparent proxy (any failure is a false positive) and
// against each broken-server variant of the mutation harness (test/support/mutants/). A variant is
// killed when at least one check fails against it. Each run has a fresh seeded reference server.
import { conformanceFacts, runChecks } from '@acs-rpc/ecs/conformance';
import { loadSeed, seedValues } from '../server/state/seed.ts';
import { ECS_SEED, startEcsServer } from '../test/support/ecs-server.ts';
import {
  type Category,
  MUTANT_ACTIONS,
  mutantSelection,
  startMutant,
  TRANSPARENT,
  VARIANTS,
  type Variant,
} from '../test/support/mutants/index.ts';

type Outcome = Awaited<ReturnType<typeof runChecks>>['outcomes'][number];

export interface MutantOutcome {
  readonly name: string;
  readonly category: Category;
  readonly bug: string;
  /** What the harness declares. */
  readonly caughtBy: string | undefined;
  /** The checks that failed against it, in run order. */
  readonly failed: readonly string[];
  readonly ms: number;
}

export interface MutantFigures {
  readonly checks: number;
  /** Checks that fail against the transparent proxy: the suite's or the proxy's fault. */
  readonly falsePositives: readonly string[];
  readonly outcomes: readonly MutantOutcome[];
  readonly categories: readonly { category: Category; variants: number; killed: number }[];
  readonly killed: number;
}

export interface MutantOptions {
  readonly variants?: readonly Variant[];
  /** Overrides the selection (a smaller run for the smoke test). */
  readonly only?: string;
  readonly seed?: number;
  /** Variants run at once (default 3). */
  readonly concurrency?: number;
  readonly onVariant?: (outcome: MutantOutcome) => void;
}

export async function measureMutants(options: MutantOptions = {}): Promise<MutantFigures> {
  const only = options.only ?? mutantSelection();
  // The seed's own values, as `acs-rpc start` hands them to the suite.
  const values = seedValues(await loadSeed(ECS_SEED));
  const run = async (variant: Variant): Promise<{ outcomes: readonly Outcome[]; ms: number }> => {
    const upstream = await startEcsServer();
    const proxy = await startMutant(upstream.url, variant);
    const started = performance.now();
    try {
      const target = { endpoint: proxy.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', values };
      const result = await runChecks(conformanceFacts, target, {
        seed: options.seed ?? 1,
        authChecks: true,
        only,
        concurrency: 4,
        // The reference server settles a transition after reads, not after time: no need to wait.
        sleep: async () => {},
      });
      return { outcomes: result.outcomes, ms: performance.now() - started };
    } finally {
      await proxy.close();
      await upstream.close();
    }
  };
  const failedIds = (outcomes: readonly Outcome[]) =>
    outcomes.filter((o) => o.failure !== undefined).map((o) => o.id);
  const baseline = await run(TRANSPARENT);
  const variants = options.variants ?? VARIANTS;
  const outcomes: MutantOutcome[] = new Array(variants.length);
  // A few runs at once: each waits on its own servers much of the time. Outcomes keep the list's order.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < variants.length; i = next++) {
      const variant = variants[i]!;
      const { outcomes: checks, ms } = await run(variant);
      const outcome = {
        name: variant.name,
        category: variant.category,
        bug: variant.bug,
        caughtBy: variant.caughtBy,
        failed: failedIds(checks),
        ms,
      };
      outcomes[i] = outcome;
      options.onVariant?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  const categories = [...new Set(outcomes.map((o) => o.category))].map((category) => {
    const here = outcomes.filter((o) => o.category === category);
    return { category, variants: here.length, killed: here.filter((o) => o.failed.length > 0).length };
  });
  return {
    checks: baseline.outcomes.length,
    falsePositives: failedIds(baseline.outcomes),
    outcomes,
    categories,
    killed: outcomes.filter((o) => o.failed.length > 0).length,
  };
}

const percent = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(0)}%`;

/** Where the declared caughtBy and the run disagree: the harness needs updating. */
export function disagreements(figures: MutantFigures): string[] {
  return figures.outcomes.flatMap((o) => {
    if (o.caughtBy === undefined && o.failed.length > 0)
      return [`${o.name}: declared a survivor, but ${o.failed.join(', ')} failed`];
    if (o.caughtBy !== undefined && !o.failed.includes(o.caughtBy))
      return [`${o.name}: declared caught by ${o.caughtBy}, which passed`];
    return [];
  });
}

/** The RESULTS.md section. */
export function mutantSection(figures: MutantFigures): string[] {
  const total = figures.outcomes.length;
  const shown = (ids: readonly string[]) =>
    ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
  return [
    '## Conformance suite against broken servers (mutation harness)',
    '',
    `${figures.checks} checks (every check of ${MUTANT_ACTIONS.join(', ')} and every service-wide one) against the transparent proxy: ${figures.falsePositives.length} failed${figures.falsePositives.length > 0 ? ` (${figures.falsePositives.join(', ')})` : ''}.`,
    `Against ${total} broken variants (\`test/support/mutants/\`): **${figures.killed} killed, ${percent(figures.killed, total)}**.`,
    '',
    '| category | variants | killed | kill rate |',
    '| --- | ---: | ---: | ---: |',
    ...figures.categories.map(
      (c) => `| ${c.category} | ${c.variants} | ${c.killed} | ${percent(c.killed, c.variants)} |`,
    ),
    `| all | ${total} | ${figures.killed} | ${percent(figures.killed, total)} |`,
    '',
    '| variant | category | checks that failed |',
    '| --- | --- | --- |',
    ...figures.outcomes.map(
      (o) => `| ${o.name} | ${o.category} | ${o.failed.length === 0 ? '**survived**' : shown(o.failed)} |`,
    ),
    '',
  ];
}

if (process.argv[1] === import.meta.filename) {
  const names = process.argv.slice(2);
  const variants = names.length === 0 ? VARIANTS : VARIANTS.filter((v) => names.includes(v.name));
  const figures = await measureMutants({
    variants,
    onVariant: (o) =>
      process.stderr.write(
        `${o.name}: ${o.failed.length === 0 ? 'SURVIVED' : o.failed.join(' ')} (${(o.ms / 1000).toFixed(1)} s)\n`,
      ),
  });
  process.stdout.write(`${mutantSection(figures).join('\n')}\n`);
  for (const line of disagreements(figures)) process.stdout.write(`disagreement: ${line}\n`);
  if (figures.falsePositives.length > 0)
    process.stdout.write(`false positives: ${figures.falsePositives.join(', ')}\n`);
}
