// Runs a selection of checks one after another and collects the outcome of each.
import { newNonce } from '../runtime/crypto.js';
import { secretScrubber } from '../runtime/redact.js';
import { ensureFastCheck } from './optional.js';
import { allChecks } from './registry.js';
import {
  type Check,
  type CheckContext,
  CheckFailure,
  CheckSkipped,
  type ConformanceFacts,
  type Target,
} from './types.js';

export interface RunOptions {
  readonly only?: string | undefined;
  readonly shard?: { readonly index: number; readonly count: number } | undefined;
  readonly seed: number;
  readonly authChecks: boolean;
  /** How many checks run at once (default 1: one after another). Checks that change the server's
   * state run alone, after the others; outcomes are reported in the suite's order either way. */
  readonly concurrency?: number;
  /** How a check waits between reads of a resource changing state; default a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Outcome {
  readonly id: string;
  readonly title: string;
  readonly ms: number;
  /** Why the check could not run here: neither a pass nor a failure. */
  readonly skipped?: string;
  readonly failure?: {
    readonly message: string;
    readonly sent?: string | undefined;
    readonly received?: string | undefined;
  };
}

export interface RunResult {
  readonly outcomes: readonly Outcome[];
  readonly codesSeen: readonly string[];
}

export async function runChecks(
  facts: ConformanceFacts,
  target: Target,
  options: RunOptions,
  onOutcome?: (o: Outcome) => void,
): Promise<RunResult> {
  const pattern = options.only === undefined ? undefined : globToRegExp(options.only);
  const selected = allChecks(facts)
    .filter((c) => options.authChecks || !c.auth)
    .filter((c) => pattern === undefined || pattern.test(c.id))
    .filter((_c, i) => options.shard === undefined || i % options.shard.count === options.shard.index - 1);
  // Refused before any check runs, rather than failing every fuzz check one by one.
  if (selected.some((c) => c.usesFastCheck === true)) await ensureFastCheck();
  const ctx = checkContext(facts, target, options);

  const outcomes: Outcome[] = [];
  const done: (Outcome | undefined)[] = [];
  const runAt = async (i: number) => {
    done[i] = await outcomeOf(selected[i]!, ctx);
    // Told in the suite's order, as soon as every earlier check has ended.
    while (outcomes.length < selected.length && done[outcomes.length] !== undefined) {
      const outcome = done[outcomes.length]!;
      outcomes.push(outcome);
      onOutcome?.(outcome);
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const indexes = selected.map((_c, i) => i);
  if (concurrency === 1) for (const i of indexes) await runAt(i);
  else {
    const shared = indexes.filter((i) => selected[i]!.exclusive !== true);
    let next = 0;
    const worker = async () => {
      while (next < shared.length) await runAt(shared[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, shared.length) }, worker));
    for (const i of indexes) if (selected[i]!.exclusive === true) await runAt(i);
  }
  return { outcomes, codesSeen: [...ctx.codesSeen].sort() };
}

/** A run's context: the facts, the target, the seed, and what the run's checks share. */
export function checkContext(
  facts: ConformanceFacts,
  target: Target,
  options: Pick<RunOptions, 'seed' | 'sleep'>,
): CheckContext {
  return {
    facts,
    target,
    seed: options.seed,
    runId: newNonce(),
    codesSeen: new Set(),
    memo: new Map(),
    secrets: [],
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

async function outcomeOf(check: Check, ctx: CheckContext): Promise<Outcome> {
  const started = performance.now();
  let failure: Outcome['failure'];
  let skipped: string | undefined;
  try {
    await check.run(ctx);
  } catch (error) {
    if (error instanceof CheckSkipped) skipped = error.message;
    else failure = scrubbed(ctx, error);
  }
  return {
    id: check.id,
    title: check.title,
    ms: performance.now() - started,
    ...(skipped === undefined ? {} : { skipped }),
    ...(failure === undefined ? {} : { failure }),
  };
}

/** What a failure reports, with every secret the run sent (and a server may have echoed) hidden:
 * the secret key, the latest signatures and tokens, anything signature-like; the key id masked. */
function scrubbed(ctx: CheckContext, error: unknown): NonNullable<Outcome['failure']> {
  const own = error instanceof CheckFailure ? error.secrets : [];
  const scrub = secretScrubber([ctx.target.accessKeySecret, ...own, ...ctx.secrets], ctx.target.accessKeyId);
  if (!(error instanceof CheckFailure))
    return { message: scrub(error instanceof Error ? error.message : String(error)) };
  return {
    message: scrub(error.message),
    ...(error.sent === undefined ? {} : { sent: scrub(error.sent) }),
    ...(error.received === undefined ? {} : { received: scrub(error.received) }),
  };
}

/** `--only`: one glob, or several joined by commas (`auth.*,*.DescribeX.*`); a check matching any runs.
 * A glob without `*` matches any id that contains it. */
function globToRegExp(pattern: string): RegExp {
  const alternatives = pattern.split(',').map((glob) => {
    const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    return glob.includes('*') ? `^${escaped.replaceAll('*', '.*')}$` : escaped;
  });
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'));
}
