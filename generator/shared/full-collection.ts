// A full garbage collection, asked of V8 between generation's stages and inside the compile. V8 lets a
// stage's garbage pile up well above what is alive, and the next stage grows on top of it: collecting
// where a stage's working set has just been let go keeps the peak nearer the live heap (a real
// 347-action product: peak RSS ≈ 780–830 → 620 MB, no more CPU, bench/generation-worker.ts); each
// emitter's end and each compiled file collect when the heap has doubled since the last collection
// (1,000 actions: 640–650 → 490–512 MB, the CPU within the noise). Node exposes `gc` only behind a flag,
// so the flag is set for the time it takes to fetch it in a fresh context, and unset again unless the
// process was started with it (as jest-leak-detector does).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap in use after the last full collection: what was alive then. */
let live = 0;

export function fullCollection(): void {
  collect();
  live = process.memoryUsage().heapUsed;
}

/** A full collection when the heap in use has grown to twice what was alive at the last one (at
 * least 256 MB): a long stage's garbage does not pile up on top of its working set, and a small
 * spec's generation pays for none. */
export function collectWhenDoubled(): void {
  if (doubled(process.memoryUsage().heapUsed, live)) fullCollection();
}

export function doubled(inUse: number, alive: number): boolean {
  return inUse > Math.max(2 * alive, 256 * 2 ** 20);
}

function collect(): void {
  const exposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
  setFlagsFromString('--expose-gc');
  try {
    (runInNewContext('gc') as () => void)();
  } finally {
    if (!exposed) setFlagsFromString('--no-expose-gc');
  }
}
