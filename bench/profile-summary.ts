// A V8 CPU profile (`node --cpu-prof`, or per-call-profile.ts's PROFILE) summed up: self time by
// function (with its file and line) and by file, and total time (the function and all it calls, each
// sample counted once) of the functions whose file matches FILTER, as µs per call when CALLS is given,
// else as shares of the busy samples (idle and the profiler's own "(program)" left out).
//   npx tsx bench/profile-summary.ts <file.cpuprofile> [rows] [calls, "" for none] [filter, default "runtime/"]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg, callsArg, filter = 'runtime/'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const rows = Number(rowsArg ?? 40);
const calls = callsArg === undefined || callsArg === '' ? undefined : Number(callsArg);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const where = (n: ProfileNode) =>
  n.callFrame.url.replace(/^.*\/(generated|node_modules|templates|bench)\//, '$1/') || '(native)';
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;
const IDLE = new Set(['(idle)', '(program)']);

const self = new Map<string, number>();
const byFile = new Map<string, number>();
const total = new Map<string, number>();
let busy = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const leaf = byId.get(profile.samples[i]!)!;
  const micros = profile.timeDeltas[i] ?? 0;
  if (IDLE.has(leaf.callFrame.functionName)) continue;
  busy += micros;
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + micros);
  add(self, label(leaf));
  add(byFile, where(leaf));
  const seen = new Set<string>();
  for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
    const n = byId.get(id)!;
    if (!n.callFrame.url.includes(filter)) continue;
    const k = label(n);
    if (!seen.has(k)) add(total, k);
    seen.add(k);
  }
}
const unit = (v: number) =>
  calls === undefined
    ? `${((100 * v) / busy).toFixed(1).padStart(5)}%`
    : `${(v / calls).toFixed(2).padStart(6)} µs`;
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(([k, v]) => `${unit(v)}  ${k}`);
console.log(
  [
    `busy ${(busy / 1000).toFixed(0)} ms${calls === undefined ? '' : `, ${(busy / calls).toFixed(1)} µs per call`}`,
    '',
    'self time by function:',
    ...top(self),
    '',
    'self time by file:',
    ...top(byFile),
    '',
    `total time of the functions in files matching "${filter}":`,
    ...top(total),
  ].join('\n'),
);
