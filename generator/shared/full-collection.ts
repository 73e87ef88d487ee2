// A full garbage collection, asked of V8 between generation's stages. V8 lets a stage's garbage pile up
// well above what is alive, and the next stage grows on top of it: collecting where a stage's working
// set has just been let go keeps the peak nearer the live heap (a real 347-action product: peak RSS
// ≈ 780–830 → 620 MB, no more CPU, bench/generation-worker.ts). Node exposes `gc` only behind a flag,
// so the flag is set for the time it takes to fetch it in a fresh context, and unset again unless the
// process was started with it (as jest-leak-detector does).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function fullCollection(): void {
  const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    if (!exposed) setFlagsFromString('--no-expose-gc');
  }
}
