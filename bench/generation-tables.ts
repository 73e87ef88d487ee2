// The generation section of RESULTS.md: totals beside the comparisons, each stage's median, the
// products of Alibaba's metadata, and the goals met or missed.
import type { GenerationReport } from './generation.ts';
import { generationGoals, goalLine } from './generation-goals.ts';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const STAGES = ['check', 'emit', 'typecheck', 'compile'] as const;

export function generationSection(report: GenerationReport, verdict: (ok: boolean) => string): string[] {
  const { figures, notes } = report;
  return [
    '## Generation time and peak memory',
    '',
    '`acs-rpc generate` compiles file by file; `--typecheck` adds the full TypeScript 5.9 check first.',
    'Each tool runs in a fresh process of the same kind on the same file, timed from the same point',
    '(after loading), the tools alternating round by round; CPU is user + system time of the process.',
    '',
    '| spec | actions | tool | median | min | max | CPU (median) | peak RSS |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...figures.map((f) =>
      f.error === undefined
        ? `| ${f.spec} | ${f.actions ?? '—'} | ${f.tool} | ${s(f.medianMs)} | ${s(f.minMs)} | ${s(f.maxMs)} | ${s(f.medianCpuMs)} | ${f.peakRssMb.toFixed(0)} MB |`
        : `| ${f.spec} | — | ${f.tool} | ${f.error.replaceAll('|', '\\|')} | | | | |`,
    ),
    '',
    '### Stages (medians, wall / CPU; check = load, rules, model and the example check)',
    '',
    `| spec | actions | tool | ${STAGES.join(' | ')} |`,
    `| --- | ---: | --- | ${STAGES.map(() => '---:').join(' | ')} |`,
    ...figures
      .filter((f) => f.tool !== 'openapi-typescript' && f.error === undefined)
      .map(
        (f) =>
          `| ${f.spec} | ${f.actions ?? '—'} | ${f.tool} | ${STAGES.map((st) => (f.stages[st] === undefined ? '—' : `${s(f.stages[st])} / ${s(f.stagesCpu[st] ?? 0)}`)).join(' | ')} |`,
      ),
    '',
    ...generationGoals(figures).map((goal) => goalLine(goal, verdict)),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ];
}
