// The generation section of RESULTS.md: totals beside the comparisons, each stage's median, the
// products of Alibaba's metadata, growth and budgets.
import type { GenerationFigure, GenerationReport } from './generation.ts';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const STAGES = ['check', 'emit', 'typecheck', 'compile'] as const;
/** The budgets of the issue: the 1,000-action synthetic spec and the full ECS spec. */
const BUDGETS = [
  {
    label: 'the 1,000-action synthetic spec',
    match: (f: GenerationFigure) => f.spec.endsWith('synthetic-1000.yaml'),
    ms: 10_000,
  },
  {
    label: 'the full ECS spec (imported)',
    match: (f: GenerationFigure) => f.spec.endsWith('products/ecs.yaml'),
    ms: 15_000,
  },
];

export function generationSection(report: GenerationReport, verdict: (ok: boolean) => string): string[] {
  const { figures, notes } = report;
  const ours = figures.filter((f) => f.tool === 'acs-rpc generate' && f.error === undefined);
  const g100 = ours.find((f) => f.spec.endsWith('synthetic-100.yaml'));
  const g1000 = ours.find((f) => f.spec.endsWith('synthetic-1000.yaml'));
  return [
    '## Generation time and peak memory',
    '',
    '`acs-rpc generate` compiles file by file; `--typecheck` adds the full TypeScript 5.9 check first',
    '(one round of it; three of the others).',
    '',
    '| spec | actions | tool | median | min | max | peak RSS |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
    ...figures.map((f) =>
      f.error === undefined
        ? `| ${f.spec} | ${f.actions ?? '—'} | ${f.tool} | ${s(f.medianMs)} | ${s(f.minMs)} | ${s(f.maxMs)} | ${f.peakRssMb.toFixed(0)} MB |`
        : `| ${f.spec} | — | ${f.tool} | ${f.error.replaceAll('|', '\\|')} | | | |`,
    ),
    '',
    '### Stages (medians; check = load, rules, model and the example check)',
    '',
    `| spec | actions | tool | ${STAGES.join(' | ')} |`,
    `| --- | ---: | --- | ${STAGES.map(() => '---:').join(' | ')} |`,
    ...figures
      .filter((f) => f.tool !== 'openapi-typescript' && f.error === undefined)
      .map(
        (f) =>
          `| ${f.spec} | ${f.actions ?? '—'} | ${f.tool} | ${STAGES.map((st) => (f.stages[st] === undefined ? '—' : s(f.stages[st]))).join(' | ')} |`,
      ),
    '',
    ...(g100 && g1000
      ? [
          `Growth from 100 to 1,000 actions: ${(g1000.medianMs / g100.medianMs).toFixed(1)}× for 10× the actions.`,
        ]
      : []),
    ...BUDGETS.map(({ label, match, ms }) => {
      const f = ours.find(match);
      return f === undefined
        ? `Budget: ${label} in ≤ ${ms / 1000} s: not measured.`
        : `Budget: ${label} in ≤ ${ms / 1000} s: ${(f.medianMs / 1000).toFixed(1)} s — ${verdict(f.medianMs <= ms)}.`;
    }),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ];
}
