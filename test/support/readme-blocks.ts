// The fenced code blocks of the repository's READMEs, with where each starts, so a test can run every
// one of them. A TypeScript block without an `import` continues the program of the block before it in
// the same file (a README shows a call, then what to do with its result).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  /** Repository-relative path of the README. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's info string's first word (`ts`, `sh`, `json`, `yaml`), `''` when none. */
  readonly lang: string;
  readonly text: string;
}

/** A TypeScript program: a block and the blocks that continue it. */
export interface Program {
  readonly file: string;
  readonly lines: readonly number[];
  readonly text: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)[^\n]*$/;

export function codeBlocks(file: string, markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] as string);
    if (open === null) continue;
    const [, indent = '', fence = '', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] as string;
      if (line.trim().startsWith(fence) && line.trim().replaceAll(fence[0] as string, '') === '') break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    blocks.push({ file, line: i + 1, lang: lang.toLowerCase(), text: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

const TS = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs']);

export function programs(blocks: readonly CodeBlock[]): Program[] {
  const out: Program[] = [];
  const first = new Map<string, CodeBlock>();
  for (const block of blocks) {
    if (!TS.has(block.lang)) continue;
    const head = first.get(block.file);
    if (head === undefined) {
      first.set(block.file, block);
      out.push({ file: block.file, lines: [block.line], text: block.text });
    } else if (continues(head.text, block.text)) {
      out.push({ file: block.file, lines: [head.line, block.line], text: joined(head.text, block.text) });
    } else {
      out.push({ file: block.file, lines: [block.line], text: block.text });
    }
  }
  return out;
}

const DECLARED = /^(?:const|let)\s+(\w+)/gm;

/** A block continues its file's first one when it imports nothing, or uses a name that one declares
 * and it does not. */
function continues(head: string, block: string): boolean {
  if (!/^import /m.test(block)) return true;
  const own = new Set([...block.matchAll(DECLARED)].map((m) => m[1]));
  return [...head.matchAll(DECLARED)]
    .map((m) => m[1] as string)
    .some((name) => !own.has(name) && new RegExp(`\\b${name}\\b`).test(block));
}

const IMPORT = /^import \{([^}]*)\} from '([^']+)';\n/gm;

/** Two blocks as one program, their one-line imports merged per module. */
function joined(head: string, block: string): string {
  const names = new Map<string, Set<string>>();
  const body = `${head}\n${block}`.replace(IMPORT, (_, list: string, from: string) => {
    const set = names.get(from) ?? new Set<string>();
    for (const name of list.split(',')) if (name.trim() !== '') set.add(name.trim());
    names.set(from, set);
    return '';
  });
  const imports = [...names].map(([from, set]) => `import { ${[...set].join(', ')} } from '${from}';\n`);
  return `${imports.join('')}${body}`;
}

const SKIP = new Set(['node_modules', '.git', 'tmp', 'dist', 'reports', 'fixtures', 'out']);

/** Every README.md of the repository (generated packages' included), CONTRIBUTING.md and docs/. */
export function readmeFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (
        entry.name === 'README.md' ||
        (dir === root && entry.name === 'CONTRIBUTING.md') ||
        (dir === join(root, 'docs') && entry.name.endsWith('.md'))
      ) {
        found.push(relative(root, join(dir, entry.name)));
      }
    }
  };
  walk(root);
  return found.sort();
}

export function readmeBlocks(root: string): CodeBlock[] {
  return readmeFiles(root).flatMap((file) => codeBlocks(file, readFileSync(join(root, file), 'utf8')));
}

/** What a program must print: the text after `// →` on each line that logs, in order. */
export function expectedOutput(program: string): string[] {
  return [...program.matchAll(/console\.log\(.*\/\/ → (.*)$/gm)].map((m) => (m[1] as string).trim());
}

/** Docs name the reference server as `127.0.0.1:8080`; a test's server listens elsewhere. */
export function atServer(text: string, url: string): string {
  return text.replaceAll('http://127.0.0.1:8080', url.replace(/\/$/, ''));
}
