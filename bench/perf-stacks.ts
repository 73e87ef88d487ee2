// Reads `perf script -F tid,ip,sym,dso` output (call stacks sampled by `perf record -g` on a node
// process started with --perf-basic-prof) and puts each sample in one category by its stack: where
// a server's CPU goes, node:http's share and the kernel's told apart from the server's own code.

export interface Sample {
  readonly tid: number;
  /** Innermost frame first: `symbol (dso)`. */
  readonly frames: readonly string[];
}

export function parseStacks(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2) continue;
    const tid = Number(lines[0]!.trim().split(/\s+/)[0]);
    // `ffffffff81000130 entry_SYSCALL_64 ([kernel.kallsyms])`: the address goes, the name stays.
    samples.push({ tid, frames: lines.slice(1).map((l) => l.trim().replace(/^[0-9a-f]+ /, '')) });
  }
  return samples;
}

const KERNEL = '[kernel.kallsyms]';
const GC = /Scavenge|MarkCompact|Heap::CollectGarbage|ConcurrentMarking|Sweeper|IncrementalMarking/;
const OURS = /file:\/\/\S*?\/(server|templates|generated)\//;
/** Node's HTTP stack in JavaScript: the server, its sockets, streams, events, timers, ticks. */
const NODE_JS =
  /node:(_http_|net|internal\/streams|internal\/stream_base|events|internal\/timers|internal\/process|buffer|internal\/buffer|internal\/async_hooks)/;

/** The category of one sample of the process whose main thread is `mainTid`. */
export function categoryOf(sample: Sample, mainTid: number): string {
  if (sample.tid !== mainTid) return 'other threads (GC helpers, libuv pool)';
  const { frames } = sample;
  if (frames[0]?.includes(KERNEL)) {
    // The system call is named by the first user-space frame: libc's wrapper.
    const wrapper = frames.find((f) => !f.includes(KERNEL))?.split(' ')[0] ?? '';
    if (/writev|^write$|__GI___writev|send/.test(wrapper))
      return 'kernel: send (writev, TCP, waking the client)';
    if (/^read$|recv/.test(wrapper)) return 'kernel: receive (read)';
    if (/epoll/.test(wrapper)) return 'kernel: waiting for sockets (epoll)';
    return 'kernel: other (faults, interrupts, setsockopt)';
  }
  const all = frames.join('\n');
  if (GC.test(all)) return 'garbage collection (main thread)';
  const js = frames.find((f) => f.includes('JS:') || f.includes('RegExp:'));
  if (js === undefined) {
    if (/llhttp|Parser::/.test(all)) return 'node:http parser (llhttp, C++)';
    return 'native, no JavaScript on the stack (libuv, malloc)';
  }
  // node:crypto's JavaScript is one line with ours: optimised code inlines it into its caller or not,
  // and an inlined function has no frame of its own (--perf-basic-prof names outer functions only).
  if (js.includes('RegExp:') || OURS.test(js) || js.includes('node:internal/crypto'))
    return 'the server: its JavaScript and node:crypto (and the V8 builtins they call)';
  if (NODE_JS.test(js)) return 'node:http and streams, JavaScript';
  return 'other JavaScript (module loading, IPC)';
}

/** Frames on the main thread that mark a share worth its own line, counted wherever they appear. */
export const MARKERS: Readonly<Record<string, RegExp>> = {
  'inside res.end (framing, socket write, kernel send)': /JS:\S*end node:_http_outgoing/,
  'inside a context switch (finish_task_switch)': /finish_task_switch/,
  // The send's wake-up of the task waiting to read the socket (the load tool in epoll_wait); the
  // samples land where interrupts come back on.
  "inside waking the socket's reader (sock_def_readable)": /sock_def_readable/,
};

export interface Breakdown {
  readonly samples: number;
  /** Category → samples. */
  readonly categories: ReadonlyMap<string, number>;
  /** Marker → samples of the main thread whose stack holds it. */
  readonly markers: ReadonlyMap<string, number>;
}

export function breakdown(samples: readonly Sample[], mainTid: number): Breakdown {
  const categories = new Map<string, number>();
  const markers = new Map<string, number>(Object.keys(MARKERS).map((k) => [k, 0]));
  for (const sample of samples) {
    const category = categoryOf(sample, mainTid);
    categories.set(category, (categories.get(category) ?? 0) + 1);
    if (sample.tid !== mainTid) continue;
    for (const [name, pattern] of Object.entries(MARKERS))
      if (sample.frames.some((f) => pattern.test(f))) markers.set(name, markers.get(name)! + 1);
  }
  return { samples: samples.length, categories, markers };
}
