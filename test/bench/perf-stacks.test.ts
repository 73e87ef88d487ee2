// server-breakdown.ts's reading of `perf script` output: each sample lands in the category its stack
// says (kernel by system call, garbage collection, node:http's parser and JavaScript, the server's
// code), samples of other threads apart, and the marker lines count stacks wherever the frame is.
import { describe, expect, it } from 'vitest';
import { breakdown, categoryOf, parseStacks } from '../../bench/perf-stacks.ts';

const MAIN = 100;

/** One sample as `perf script -F tid,ip,sym,dso` prints it, innermost frame first. */
function sample(tid: number, ...frames: string[]): string {
  return [`   ${tid} `, ...frames.map((f, i) => `\t    ${(0x1000 + i).toString(16)} ${f}`)].join('\n');
}

const SERVER = 'JS:*handle file:///repo/server/handle.ts:1:927 (/tmp/perf-100.map)';
const TEXT = [
  sample(
    MAIN,
    'tcp_sendmsg ([kernel.kallsyms])',
    'do_syscall_64 ([kernel.kallsyms])',
    '__GI___writev (/usr/lib/libc.so.6)',
    'JS:*end node:_http_outgoing:1034:45 (/tmp/perf-100.map)',
    SERVER,
  ),
  sample(
    MAIN,
    'finish_task_switch.isra.0 ([kernel.kallsyms])',
    '__schedule ([kernel.kallsyms])',
    'epoll_pwait (/usr/lib/libc.so.6)',
    'uv_run (/usr/bin/node)',
  ),
  sample(
    MAIN,
    'sock_read_iter ([kernel.kallsyms])',
    'read (/usr/lib/libc.so.6)',
    'uv__stream_io (/usr/bin/node)',
  ),
  sample(
    MAIN,
    'v8::internal::ScavengerCollector::CollectGarbage (/usr/bin/node)',
    'Builtins_CEntry (/usr/bin/node)',
    SERVER,
  ),
  sample(
    MAIN,
    'llhttp__internal_execute (/usr/bin/node)',
    'node::(anonymous namespace)::Parser::Execute (/usr/bin/node)',
  ),
  sample(
    MAIN,
    'Builtins_LoadIC (/usr/bin/node)',
    'JS:*get node:_http_incoming:109:16 (/tmp/perf-100.map)',
    SERVER,
  ),
  sample(MAIN, 'v8::internal::JsonStringifier::Serialize_ (/usr/bin/node)', SERVER),
  sample(
    MAIN,
    'Builtins_CallFunction (/usr/bin/node)',
    'JS:*Hmac node:internal/crypto/hash:161:14 (/tmp/perf-100.map)',
    SERVER,
  ),
  sample(MAIN + 1, 'v8::internal::ConcurrentMarking::RunMajor (/usr/bin/node)'),
].join('\n\n');

describe('perf stacks', () => {
  const samples = parseStacks(TEXT);

  it('reads every sample with its thread and frames, innermost first, addresses dropped', () => {
    expect(samples).toHaveLength(9);
    expect(samples[0]!.tid).toBe(MAIN);
    expect(samples[0]!.frames[0]).toBe('tcp_sendmsg ([kernel.kallsyms])');
    expect(samples[8]!.tid).toBe(MAIN + 1);
  });

  it('puts each sample where its stack says', () => {
    expect(samples.map((s) => categoryOf(s, MAIN))).toEqual([
      'kernel: send (writev, TCP, waking the client)',
      'kernel: waiting for sockets (epoll)',
      'kernel: receive (read)',
      'garbage collection (main thread)',
      'node:http parser (llhttp, C++)',
      'node:http and streams, JavaScript',
      'the server: its JavaScript and node:crypto (and the V8 builtins they call)',
      'the server: its JavaScript and node:crypto (and the V8 builtins they call)',
      'other threads (GC helpers, libuv pool)',
    ]);
  });

  it('counts categories and the main thread’s marker frames', () => {
    const b = breakdown(samples, MAIN);
    expect(b.samples).toBe(9);
    expect(
      b.categories.get('the server: its JavaScript and node:crypto (and the V8 builtins they call)'),
    ).toBe(2);
    expect(b.markers.get('inside res.end (framing, socket write, kernel send)')).toBe(1);
    expect(b.markers.get('inside a context switch (finish_task_switch)')).toBe(1);
  });
});
