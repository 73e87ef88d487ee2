// Where generation's emit and compile time goes, for one spec in this process: the model (load,
// check, model, the example check) once, then each emitter and each file's compile timed on its own
// (wall and CPU), the memory in use after each stage, and with `--cpu-prof <file>` a V8 CPU profile of
// the emit and compile stages only (sum it up with profile-summary.ts). A tool for speed work, not
// part of `npm run bench`; the figures of record are generation.ts's, each run in a fresh process.
//   npx tsx bench/generation-profile.ts <spec> [--cpu-prof out.cpuprofile] [--top 12]
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { relative, resolve } from 'node:path';
import type { GeneratedFile } from '../generator/emitters/contract.ts';
import { codeHeader } from '../generator/emitters/header.ts';
import { emitters } from '../generator/emitters/index.ts';
import { modelSpec } from '../generator/pipeline.ts';
import { toolkitDir } from '../generator/shared/toolkit-dir.ts';
import { compilePackage } from '../generator/write/compile.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const profileFile = option('--cpu-prof');
const top = Number(option('--top') ?? 12);
const [spec] = args;
if (spec === undefined) {
  console.error('usage: npx tsx bench/generation-profile.ts <spec> [--cpu-prof out.cpuprofile] [--top 12]');
  process.exit(2);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const memory = (label: string) => {
  const m = process.memoryUsage();
  console.log(
    `  memory after ${label}: heap ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, rss ${mb(m.rss)}, external ${mb(m.external)}`,
  );
};
const timed = async <T>(run: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> => {
  const at = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - at, cpuMs: (used.user + used.system) / 1000 };
};
const figures = (t: { ms: number; cpuMs: number }) =>
  `${t.ms.toFixed(0).padStart(6)} ms wall ${t.cpuMs.toFixed(0).padStart(6)} ms CPU`;

const kit = toolkitDir();
const modelled = await timed(() => modelSpec(process.cwd(), relative(process.cwd(), resolve(spec))));
console.log(`model: ${figures(modelled)}`);
memory('model');
const { model } = modelled.value;
if (model === undefined) throw new Error(`${spec} did not model: ${modelled.value.diagnostics[0]?.message}`);

const session = new Session();
if (profileFile !== undefined) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
}

const sources: GeneratedFile[] = [];
for (const emitter of emitters) {
  const t = await timed(() => emitter.emit({ model, rootDir: kit }));
  sources.push(...t.value);
  const bytes = t.value.reduce((n, f) => n + f.content.length, 0);
  console.log(`emit ${emitter.name.padEnd(12)} ${figures(t)}  ${t.value.length} files, ${mb(bytes)}`);
}
memory('emit');

const header = codeHeader(model);
const perFile: { path: string; ms: number; cpuMs: number; bytes: number }[] = [];
const compiled = await timed(() => {
  for (const file of sources) {
    const at = performance.now();
    const cpu = process.cpuUsage();
    compilePackage([file], header);
    const used = process.cpuUsage(cpu);
    perFile.push({
      path: file.path,
      ms: performance.now() - at,
      cpuMs: (used.user + used.system) / 1000,
      bytes: file.content.length,
    });
  }
});
console.log(`compile (file by file) ${figures(compiled)}`);
for (const f of perFile.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, top))
  console.log(`  ${f.path.padEnd(40)} ${figures(f)}  ${(f.bytes / 1024).toFixed(0)} KB`);
memory('compile');

if (profileFile !== undefined) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
  console.log(`profile of emit + compile: ${profileFile}`);
}
