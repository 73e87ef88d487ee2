// The report: a line per check, details of each failure with a command that reproduces it, the
// documented codes the run triggered, a JUnit file CI tools read, and `N passed, N failed` last.
import type { Outcome, RunResult } from './runner.js';
import { type ConformanceFacts, documentedErrors } from './types.js';

export function outcomeLine(o: Outcome): string {
  if (o.skipped !== undefined) return `skip ${o.id}: ${o.skipped}`;
  return `${o.failure === undefined ? 'ok  ' : 'FAIL'} ${o.id} (${o.ms.toFixed(0)} ms)`;
}

export function failureDetails(o: Outcome, reproduce: string): string {
  if (o.failure === undefined) return '';
  const parts = [`--- ${o.id}: ${o.title}`, `    ${o.failure.message}`];
  if (o.failure.sent !== undefined) parts.push('    sent (secrets redacted):', indent(o.failure.sent));
  if (o.failure.received !== undefined) parts.push('    received:', indent(o.failure.received));
  parts.push(`    reproduce (re-signs the request): ${reproduce}`);
  return parts.join('\n');
}

export function summary(result: RunResult, facts: ConformanceFacts): string {
  const documented = Object.keys(documentedErrors(facts));
  const seen = result.codesSeen.filter((c) => documented.includes(c));
  const skipped = result.outcomes.filter((o) => o.skipped !== undefined).length;
  const failed = result.outcomes.filter((o) => o.failure !== undefined).length;
  const passed = result.outcomes.length - failed - skipped;
  return [
    `documented error codes triggered: ${seen.length} of ${documented.length} (${seen.join(', ')})`,
    `${passed} passed, ${failed} failed${skipped === 0 ? '' : `, ${skipped} skipped`}`,
  ].join('\n');
}

export function junit(result: RunResult, suite: string): string {
  const failures = result.outcomes.filter((o) => o.failure !== undefined).length;
  const skipped = result.outcomes.filter((o) => o.skipped !== undefined).length;
  const seconds = result.outcomes.reduce((s, o) => s + o.ms, 0) / 1000;
  const cases = result.outcomes.map((o) => {
    const head = `  <testcase classname="${xml(suite)}.${xml(o.id.split('.')[0] ?? '')}" name="${xml(o.id)}" time="${(o.ms / 1000).toFixed(3)}"`;
    if (o.skipped !== undefined) return `${head}>\n    <skipped message="${xml(o.skipped)}"/>\n  </testcase>`;
    if (o.failure === undefined) return `${head}/>`;
    const body = [o.failure.message, o.failure.sent ?? '', o.failure.received ?? '']
      .filter(Boolean)
      .join('\n\n');
    return `${head}>\n    <failure message="${xml(o.failure.message)}">${xml(body)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${xml(suite)}" tests="${result.outcomes.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${seconds.toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
