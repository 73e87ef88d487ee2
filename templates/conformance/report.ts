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
    const head = `  <testcase classname="${attr(suite)}.${attr(o.id.split('.')[0] ?? '')}" name="${attr(o.id)}" time="${(o.ms / 1000).toFixed(3)}"`;
    if (o.skipped !== undefined)
      return `${head}>\n    <skipped message="${attr(o.skipped)}"/>\n  </testcase>`;
    if (o.failure === undefined) return `${head}/>`;
    const body = [o.failure.message, o.failure.sent ?? '', o.failure.received ?? '']
      .filter(Boolean)
      .join('\n\n');
    return `${head}>\n    <failure message="${attr(o.failure.message)}">${text(body)}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${attr(suite)}" tests="${result.outcomes.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${seconds.toFixed(3)}">`,
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

/** Character data: markup escaped, a carriage return kept as a reference (a parser would turn it into
 * a newline), and what XML 1.0 cannot hold at all made visible text. */
function text(value: string): string {
  return xmlChars(value, { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\r': '&#13;' });
}

/** An attribute value: as text, and tabs and line breaks as references, which a parser's attribute
 * normalisation would otherwise turn into spaces (a failure message has several lines). */
function attr(value: string): string {
  return xmlChars(value, {
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
    '"': '&quot;',
    '\t': '&#9;',
    '\n': '&#10;',
    '\r': '&#13;',
  });
}

/** `value` with `escapes` applied, and each character XML 1.0 forbids (§2.2 Char: the C0 controls
 * other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF), which not even a
 * character reference may stand for, written as `\uXXXX`: the file parses, and a reader still sees
 * that a server sent a control character where. */
function xmlChars(value: string, escapes: Readonly<Record<string, string>>): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const forbidden =
      (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') ||
      (code >= 0xd800 && code <= 0xdfff) ||
      code === 0xfffe ||
      code === 0xffff;
    out += forbidden ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : (escapes[char] ?? char);
  }
  return out;
}
