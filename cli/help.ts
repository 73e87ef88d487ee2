// Help texts. Kept apart from the commands so `--help` loads nothing else.
import { OPTIONS_HELP } from '../templates/conformance/options-help.ts';

export const EXIT_CODES_HELP = `Exit codes:
  0   success
  1   failed: the spec has errors, --check found stale files, the output folder was refused,
      or conformance checks failed
  2   usage: a wrong command line or acs-rpc.config.json
  70  internal error of acs-rpc (please report it)
`;

export const COMMAND_HELP = {
  generate: `Usage: acs-rpc generate [--spec FILE]... [--out DIR] [--check] [--force] [--typecheck]
                        [--rebuild] [--quiet]

Generate a package per spec: types, validators, a signed client and a conformance suite.

  --spec FILE   a spec (repeatable); default: the specs of acs-rpc.config.json
  --out DIR     the package folder; {package} stands for the spec's x-acs-service.package
                (needed with several specs); default: the config's "out", else generated/{package}
  --check       write nothing; exit 1 when the folder differs from what the spec yields
  --force       write into a folder holding files acs-rpc did not write (they are never removed)
  --typecheck   typecheck the generated code in full before writing (slower on large specs);
                without it the code is compiled file by file and only syntax errors stop it
  --rebuild     generate even when nothing changed: without it a package is left alone while its
                spec, the toolkit and every file it wrote are as at its last generation
  --quiet       no progress lines on stderr

Only files listed in the folder's .acs-rpc-manifest.json are ever replaced or removed.
`,
  serve: `Usage: acs-rpc serve [--spec FILE | --package DIR] [--port 8080] [--host 127.0.0.1]
                     [--seed FILE] [--credentials FILE] [--access-log] [--cors loopback]
                     [--quiet]

Start the reference server for a spec. With --spec, the package is generated into a cache the
toolkit owns; --package serves an already generated one. The first line printed is
\`listening on http://HOST:PORT\`; SIGINT and SIGTERM stop it. Default keys: testid/testsecret.
--cors says which browser pages may call it: loopback (pages on this machine, the default), off,
or origins joined by commas (https://app.example,http://localhost:5173).
`,
  conformance: `Usage: acs-rpc conformance [--spec FILE | --package DIR] --endpoint URL
                           --access-key-id ID --access-key-secret SECRET [--region ID]
                           [--junit FILE] [--only PATTERN] [--shard I/N] [--seed N] [--no-auth-checks]
                           [--concurrency N]

Check any server against the spec; the last line printed is \`N passed, N failed\`.
${OPTIONS_HELP}
With --spec, the package is generated into a cache the toolkit owns; --package uses an already
generated one.
`,
  import: `Usage: acs-rpc import <api-docs.json> --out <spec.yaml> [--force] [--quiet]
       acs-rpc import [--check] [--quiet]

Converts Alibaba Cloud API metadata (api-docs.json) into a spec: OpenAPI 3.1 with the RPC binding,
checked by the generator's own stages. Everything it cannot map is a warning naming the action and
the parameter; an example the schema refutes is left out and named. Without a file, imports every
"imports" entry of acs-rpc.config.json ({ "metadata": "meta/*.json", "out": "spec/imported/{name}.yaml" }).

  --check   write nothing; exit 1 when an imported spec differs from what its metadata yields
  --force   replace a file that acs-rpc import did not write (its specs start with a header line)
  --quiet   print errors only, not the warnings

Curated changes go in a spec of their own that names the imported one as its base
(x-acs-base: imported/<name>.yaml; the merge rule is in spec/README.md).
`,
  start: `Usage: acs-rpc start [conformance options]

For every spec of acs-rpc.config.json: regenerate its package, start the reference server on a free
port, run the conformance suite against it, print the report and stop the server.
`,
} as const;

export type CommandName = keyof typeof COMMAND_HELP;

export const USAGE = `Usage: acs-rpc <command> [options]

Commands:
  generate     generate a package per spec (types, validators, client, conformance suite)
  serve        start the reference server for a spec (every spec of the config without one)
  conformance  check a server against a spec
  start        generate, serve and check every spec of acs-rpc.config.json
  import       convert Alibaba Cloud API metadata (api-docs.json) into a spec

Options:
  -h, --help   this help; \`acs-rpc <command> --help\` for a command's options
  --version    the toolkit's version

Paths are relative to the current folder. acs-rpc.config.json (in this folder or above):
  { "specs": [{ "spec": "api/my.yaml", "out": "gen/my" }] }
"spec" may end in a * pattern (spec/*.yaml); "out" may hold {package}; "out" defaults to
generated/{package}.

${EXIT_CODES_HELP}`;
