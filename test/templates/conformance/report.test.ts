// A skipped check is reported as skipped, with its reason: never counted as passed or failed.
// The report: a line per check, failure details with the reproduce command, the summary, and a JUnit
// file whose attributes and text are escaped so any server answer keeps it well formed.

import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { failureDetails, junit, outcomeLine, summary } from '../../../templates/conformance/report.ts';
import type { Outcome, RunResult } from '../../../templates/conformance/runner.ts';
import type { ConformanceFacts } from '../../../templates/conformance/types.ts';
import { widgetsFacts } from '../../support/widgets-conformance.ts';

const outcomes: Outcome[] = [
  { id: 'protocol.A.routing', title: 't', ms: 3 },
  { id: 'transition.B.moves', title: 't', ms: 1, skipped: 'needs a Thing in state Stopped; none found' },
  { id: 'transition.B.wrong-state', title: 't', ms: 2, failure: { message: 'expected X, got a success' } },
];
const facts = { service: { errors: {} }, actions: [] } as unknown as ConformanceFacts;

describe('the report', () => {
  it.each([
    ['a pass', { given: outcomes[0]!, want: 'ok   protocol.A.routing (3 ms)' }],
    [
      'a skip, with its reason',
      { given: outcomes[1]!, want: 'skip transition.B.moves: needs a Thing in state Stopped; none found' },
    ],
    ['a failure', { given: outcomes[2]!, want: 'FAIL transition.B.wrong-state (2 ms)' }],
  ])('prints %s', (_name, { given, want }) => {
    expect(outcomeLine(given)).toBe(want);
  });

  it('counts skips apart, and says nothing of them when there are none', () => {
    expect(summary({ outcomes, codesSeen: [] }, facts).split('\n').at(-1)).toBe(
      '1 passed, 1 failed, 1 skipped',
    );
    expect(
      summary({ outcomes: [outcomes[0]!], codesSeen: [] }, facts)
        .split('\n')
        .at(-1),
    ).toBe('1 passed, 0 failed');
  });

  it('writes skips into JUnit as <skipped> with the reason', () => {
    const xml = junit({ outcomes, codesSeen: [] }, 'S');
    expect(xml).toContain('tests="3" failures="1" skipped="1"');
    expect(xml).toContain('<skipped message="needs a Thing in state Stopped; none found"/>');
  });
});

const passed: Outcome = { id: 'protocol.json', title: 'JSON by default', ms: 12.4 };
const failed: Outcome = {
  id: 'errors.missing-param',
  title: 'A missing parameter is refused',
  ms: 1500,
  failure: {
    message: 'expected <400> & "Code"',
    sent: 'GET http://h/?A=1&Signature=***',
    received: 'HTTP 500\n<html>oops</html>',
  },
};
const bare: Outcome = { id: 'fuzz', title: 'Fuzz', ms: 0.4, failure: { message: 'boom' } };

describe('outcomeLine', () => {
  it.each<[Outcome, string]>([
    [passed, 'ok   protocol.json (12 ms)'],
    [failed, 'FAIL errors.missing-param (1500 ms)'],
  ])('%#', (outcome, want) => {
    expect(outcomeLine(outcome)).toBe(want);
  });
});

describe('failureDetails', () => {
  it('is empty for a pass', () => {
    expect(failureDetails(passed, 'cmd')).toBe('');
  });

  it('shows the message, the redacted request, the response and the reproduce command, indented', () => {
    expect(failureDetails(failed, 'acs-rpc conformance --only errors.missing-param')).toBe(
      [
        '--- errors.missing-param: A missing parameter is refused',
        '    expected <400> & "Code"',
        '    sent (secrets redacted):',
        '      GET http://h/?A=1&Signature=***',
        '    received:',
        '      HTTP 500',
        '      <html>oops</html>',
        '    reproduce (re-signs the request): acs-rpc conformance --only errors.missing-param',
      ].join('\n'),
    );
  });

  it('leaves out what the failure did not record', () => {
    expect(failureDetails(bare, 'cmd')).toBe(
      '--- fuzz: Fuzz\n    boom\n    reproduce (re-signs the request): cmd',
    );
  });
});

describe('summary', () => {
  it('counts passes and failures and the documented codes triggered, ignoring undocumented ones', () => {
    const result: RunResult = {
      outcomes: [passed, failed, bare],
      codesSeen: ['InternalError', 'Made.Up', 'Throttling.User'],
    };
    expect(summary(result, widgetsFacts)).toBe(
      'documented error codes triggered: 2 of 5 (InternalError, Throttling.User)\n1 passed, 2 failed',
    );
  });
});

/** What a strict XML 1.0 parser makes of `xml`: its errors, every attribute value and text node. */
function parsed(xml: string): { errors: string[]; attributes: string[]; texts: string[] } {
  const parser = new SaxesParser();
  const out = { errors: [] as string[], attributes: [] as string[], texts: [] as string[] };
  parser.on('error', (e) => out.errors.push(e.message));
  parser.on('attribute', (a) => out.attributes.push(a.value));
  parser.on('text', (t) => {
    if (t.trim() !== '') out.texts.push(t);
  });
  parser.write(xml).close();
  return out;
}

describe('junit', () => {
  const text = junit({ outcomes: [passed, failed, bare], codesSeen: [] }, 'widgets "&" <suite>');

  it('is well-formed XML whatever the messages hold', () => {
    expect(parsed(text).errors).toEqual([]);
  });

  it('is checked by a parser that refuses what XML 1.0 forbids', () => {
    expect(parsed('<?xml version="1.0"?><a m="\u0001"/>').errors).toEqual(['1:28: disallowed character.']);
  });

  // A server's answer can hold anything; the report quotes it. XML 1.0 (§2.2) has no way to write
  // these characters, not even as references, so they are shown as text.
  it.each([
    ['a C0 control', '\u0001', '\\u0001'],
    ['the last C0 control', '\u001f', '\\u001F'],
    ['a lone high surrogate', '\ud800', '\\uD800'],
    ['a lone low surrogate', '\udfff', '\\uDFFF'],
    ['U+FFFE', '\ufffe', '\\uFFFE'],
    ['U+FFFF', '\uffff', '\\uFFFF'],
  ])('writes %s in a message, an exchange, a skip and a name so that it parses', (_name, char, shown) => {
    const failure = { message: `bad ${char} code`, sent: `GET /?A=${char}`, received: `{"M":"${char}"}` };
    const result = junit(
      {
        outcomes: [
          { id: `x.${char}`, title: 't', ms: 1, failure },
          { id: 'y', title: 't', ms: 1, skipped: `no ${char}` },
        ],
        codesSeen: [],
      },
      `suite${char}`,
    );
    const { errors, attributes, texts } = parsed(result);
    expect(errors).toEqual([]);
    expect(attributes).toContain(`bad ${shown} code`);
    expect(attributes).toContain(`no ${shown}`);
    expect(attributes).toContain(`suite${shown}`);
    expect(texts).toContain(`bad ${shown} code\n\nGET /?A=${shown}\n\n{"M":"${shown}"}`);
  });

  it('keeps what XML can hold as it was: tabs, line breaks, carriage returns, any plane', () => {
    const message = 'line one\r\n\tline two 中文 😀';
    const result = junit(
      { outcomes: [{ id: 'x', title: 't', ms: 1, failure: { message } }], codesSeen: [] },
      's',
    );
    const { errors, attributes, texts } = parsed(result);
    expect(errors).toEqual([]);
    expect(attributes).toContain(message);
    expect(texts).toContain(message);
  });

  it('escapes < > & " in attributes and text', () => {
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuite name="widgets &quot;&amp;&quot; &lt;suite&gt;" tests="3" failures="2" skipped="0" errors="0" time="1.513">',
        '  <testcase classname="widgets &quot;&amp;&quot; &lt;suite&gt;.protocol" name="protocol.json" time="0.012"/>',
        '  <testcase classname="widgets &quot;&amp;&quot; &lt;suite&gt;.errors" name="errors.missing-param" time="1.500">',
        '    <failure message="expected &lt;400&gt; &amp; &quot;Code&quot;">expected &lt;400&gt; &amp; &quot;Code&quot;\n\nGET http://h/?A=1&amp;Signature=***\n\nHTTP 500\n&lt;html&gt;oops&lt;/html&gt;</failure>',
        '  </testcase>',
        '  <testcase classname="widgets &quot;&amp;&quot; &lt;suite&gt;.fuzz" name="fuzz" time="0.000">',
        '    <failure message="boom">boom</failure>',
        '  </testcase>',
        '</testsuite>',
        '',
      ].join('\n'),
    );
  });

  it('reports an empty run', () => {
    expect(junit({ outcomes: [], codesSeen: [] }, 's')).toContain(
      '<testsuite name="s" tests="0" failures="0" skipped="0" errors="0" time="0.000">',
    );
  });
});
