// The RESULTS.md section and the console lines for `client-loaded.ts`: bytes loaded for one JSON call
// beside the eager figure, the goals of issue 15.4 with whether each is met, and where the bytes go.
import type { LoadedFigure } from './client-loaded.ts';

const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KB`);
const size = (f: LoadedFigure, bytes: number) => (f.bundled ? kb(bytes) : '—');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

/** Goals on the package with every action of the product: explicit credentials, default chain. */
export const LOADED_GOALS: readonly { readonly program: string; readonly kb: number }[] = [
  { program: 'bare client + one command, explicit credentials', kb: 10 },
  { program: 'bare client + one command, default credential chain', kb: 12 },
];

export function loadedSection(figures: readonly LoadedFigure[]): string[] {
  const ours = figures.find((f) => f.platform === 'node' && f.program === LOADED_GOALS[0]!.program);
  return [
    '## Bytes one JSON call loads (esbuild, minified, code splitting, gzipped per chunk)',
    '',
    'Each program runs its call against the reference server: on Node every chunk it imports is',
    'recorded by a module hook, in headless Chromium every file the page fetches. "loaded" is the eager',
    'chunks plus those; "all chunks" is everything written. Package: `@acs-rpc/ecs`, every ECS action.',
    '',
    '| program | platform | eager | loaded for the call | all chunks | lazy chunks the call loaded | note |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.program} | ${f.platform} | ${size(f, f.eagerGz)} | ${kb(f.loadedGz)} | ${size(f, f.allGz)} | ${f.lazyLoaded.join(', ') || 'none'} | ${f.note ?? ''} |`,
    ),
    '',
    ...goalLines(figures),
    '',
    ...(ours === undefined ? [] : whereTheBytesGo(ours)),
  ];
}

function goalLines(figures: readonly LoadedFigure[]): string[] {
  const lines: string[] = [];
  for (const goal of LOADED_GOALS) {
    for (const f of figures.filter((x) => x.program === goal.program)) {
      const figure =
        f.loadedGz === undefined || f.note !== undefined
          ? `${kb(f.loadedGz)} (${f.note ?? 'not run'})`
          : kb(f.loadedGz);
      const ok = f.loadedGz !== undefined && f.note === undefined && f.loadedGz <= goal.kb * 1024;
      lines.push(
        `- Goal ≤ ${goal.kb} KB loaded, ${goal.program}, ${f.platform}: ${figure} — ${verdict(ok)}.`,
      );
    }
  }
  const official = figures.find((f) => f.platform === 'node' && f.program.startsWith('@alicloud/'));
  const ours = figures.find((f) => f.platform === 'node' && f.program === LOADED_GOALS[0]!.program);
  if (official?.loadedGz !== undefined && ours?.loadedGz !== undefined)
    lines.push(
      `- Beside the official SDK on Node: ${kb(ours.loadedGz)} against ${kb(official.loadedGz)} (${(official.loadedGz / ours.loadedGz).toFixed(0)}× less).`,
    );
  return lines;
}

/** The modules in what the explicit-credentials call loads on Node, minified bytes before gzip. */
function whereTheBytesGo(f: LoadedFigure): string[] {
  const total = f.modules.reduce((s, m) => s + m.bytes, 0);
  return [
    `Where the bytes go (${f.program}, ${f.platform}; minified bytes before gzip, ${total} in all):`,
    '',
    '| module | bytes | share |',
    '| --- | ---: | ---: |',
    ...f.modules.map((m) => `| ${m.module} | ${m.bytes} | ${((m.bytes / total) * 100).toFixed(1)}% |`),
    '',
  ];
}

/** One line per figure, for the console. */
export function loadedLines(figures: readonly LoadedFigure[]): string[] {
  return [
    ...figures.map(
      (f) =>
        `${f.platform.padEnd(7)} ${f.program.padEnd(52)} eager ${size(f, f.eagerGz).padStart(8)}  loaded ${kb(f.loadedGz).padStart(8)}  all ${size(f, f.allGz).padStart(8)}${f.note ? `  (${f.note})` : ''}`,
    ),
    ...goalLines(figures),
  ];
}
