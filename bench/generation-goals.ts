// The generation goals of issue 15, judged on one run's figures: each says what it compares, the
// measured value and whether it is met. A goal whose figures were not measured says so.
import type { GenerationFigure } from './generation.ts';

export interface GoalVerdict {
  readonly goal: string;
  /** The measured value in words, or why there is none. */
  readonly measured: string;
  /** Undefined when the figures it needs were not measured. */
  readonly met: boolean | undefined;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** 10× the actions may cost at most this many times the time: linear, with a fifth of slack. */
const NEAR_LINEAR = 12;

export function generationGoals(figures: readonly GenerationFigure[]): GoalVerdict[] {
  const find = (size: number | 'ecs', tool: GenerationFigure['tool'] = 'acs-rpc generate') =>
    figures.find(
      (f) =>
        f.tool === tool &&
        f.error === undefined &&
        (size === 'ecs' ? f.source === 'spec' : f.spec.endsWith(`synthetic-${size}.yaml`)),
    );
  const g10 = find(10);
  const g100 = find(100);
  const g1000 = find(1000);
  const peer = find(1000, 'openapi-typescript');
  const ecs = find('ecs');
  const missing = { measured: 'not measured', met: undefined };
  return [
    {
      goal: 'the 1,000-action synthetic spec in ≤ 10 s',
      ...(g1000 === undefined
        ? missing
        : {
            measured: `${s(g1000.medianMs)} wall, ${s(g1000.medianCpuMs)} CPU`,
            met: g1000.medianMs <= 10_000,
          }),
    },
    {
      goal: '≤ 4× openapi-typescript on the same 1,000-action spec',
      ...(g1000 === undefined || peer === undefined
        ? missing
        : {
            measured: `${(g1000.medianMs / peer.medianMs).toFixed(1)}× wall (${s(g1000.medianMs)} against ${s(peer.medianMs)}), ${(g1000.medianCpuMs / peer.medianCpuMs).toFixed(1)}× CPU`,
            met: g1000.medianMs <= 4 * peer.medianMs,
          }),
    },
    {
      goal: 'peak memory ≤ 600 MB at 1,000 actions',
      ...(g1000 === undefined
        ? missing
        : { measured: `${g1000.peakRssMb.toFixed(0)} MB peak RSS`, met: g1000.peakRssMb <= 600 }),
    },
    {
      goal: `near-linear growth 10 → 100 → 1,000 actions (each 10× at most ${NEAR_LINEAR}× the time)`,
      ...(g10 === undefined || g100 === undefined || g1000 === undefined
        ? missing
        : {
            measured: `${(g100.medianMs / g10.medianMs).toFixed(1)}× then ${(g1000.medianMs / g100.medianMs).toFixed(1)}× wall; ${(g100.medianCpuMs / g10.medianCpuMs).toFixed(1)}× then ${(g1000.medianCpuMs / g100.medianCpuMs).toFixed(1)}× CPU`,
            met: g100.medianMs <= NEAR_LINEAR * g10.medianMs && g1000.medianMs <= NEAR_LINEAR * g100.medianMs,
          }),
    },
    {
      goal: 'the whole ECS product (347 actions) in ≤ 15 s',
      ...(ecs === undefined
        ? missing
        : { measured: `${s(ecs.medianMs)} wall, ${s(ecs.medianCpuMs)} CPU`, met: ecs.medianMs <= 15_000 }),
    },
  ];
}

export function goalLine(v: GoalVerdict, verdict: (ok: boolean) => string): string {
  return `Goal: ${v.goal}: ${v.measured}${v.met === undefined ? '' : ` — ${verdict(v.met)}`}.`;
}
