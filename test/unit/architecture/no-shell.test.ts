// Nothing a user sends reaches a shell: no strato code runs a command through
// one. child_process's exec/execSync (which hand their whole command line to
// /bin/sh), a `shell` option that is not `false`, and running a shell with
// `-c` in the daemons and the CLI are refused here, read from the syntax tree
// (so comments and strings never count). Programs are run with execFile or
// spawn and an argument vector, which no character of an argument can escape.
// The test harness may run fixed `sh -c` scripts of its own (joining a cgroup
// before exec), never with a shell option or exec/execSync. The linter says
// the same as code is written (biome.json noRestrictedImports and
// lint/no-shell-option.grit); this test also covers namespace calls
// (`cp.execSync`) and `sh -c`, which a lint rule cannot see.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import ts from 'typescript';
import { readSourceTexts, topDir } from './import-graph.ts';

const CHILD_PROCESS = new Set(['node:child_process', 'child_process']);
const SHELL_CALLS = new Set(['exec', 'execSync']);
const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|dash|zsh|ash)$/;
/** What the daemons and the CLI run. */
const PRODUCTION = new Set(['agent', 'common', 'conductor', 'cli']);

/** `path:line: what` for every way `text` could run a shell. */
export function shellUses(path: string, text: string, production: boolean): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (n: ts.Node, what: string) =>
    out.push(`${path}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: ${what}`);
  const namespaces = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (
      ts.isImportDeclaration(n) &&
      ts.isStringLiteral(n.moduleSpecifier) &&
      CHILD_PROCESS.has(n.moduleSpecifier.text)
    ) {
      const b = n.importClause?.namedBindings;
      if (b && ts.isNamespaceImport(b)) namespaces.add(b.name.text);
      if (n.importClause?.name) namespaces.add(n.importClause.name.text);
      if (b && ts.isNamedImports(b)) {
        for (const e of b.elements) {
          const imported = (e.propertyName ?? e.name).text;
          if (SHELL_CALLS.has(imported)) at(e, `imports ${imported} from child_process`);
        }
      }
    }
    if (
      ts.isPropertyAccessExpression(n) &&
      ts.isIdentifier(n.expression) &&
      namespaces.has(n.expression.text) &&
      SHELL_CALLS.has(n.name.text)
    ) {
      at(n, `calls child_process.${n.name.text}`);
    }
    if (
      (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) &&
      (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) &&
      n.name.text === 'shell' &&
      !(ts.isPropertyAssignment(n) && n.initializer.kind === ts.SyntaxKind.FalseKeyword)
    ) {
      at(n, 'sets a shell option');
    }
    if (production && ts.isCallExpression(n) && n.arguments.length >= 2) {
      const [cmd, args] = n.arguments;
      if (
        cmd &&
        ts.isStringLiteralLike(cmd) &&
        SHELLS.test(cmd.text) &&
        args &&
        ts.isArrayLiteralExpression(args) &&
        args.elements.some((a) => ts.isStringLiteralLike(a) && a.text === '-c')
      ) {
        at(n, `runs ${cmd.text} -c`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('architecture: no shell', () => {
  let files: { path: string; text: string }[];
  before(async () => {
    files = await readSourceTexts();
  });

  it('finds every way the rule knows of running a shell (so a pass means something)', () => {
    const bad = [
      "import { exec } from 'node:child_process';",
      "import { execSync as run } from 'child_process';",
      "import * as cp from 'node:child_process'; cp.exec('ls');",
      "import cp from 'node:child_process'; cp.execSync('ls');",
      "spawn('ls', [], { shell: true });",
      "const shell = '/bin/bash'; execFile('x', [], { shell });",
      "spawn('sh', ['-c', cmd]);",
      "execFile('/bin/bash', ['-c', cmd]);",
    ];
    for (const src of bad) assert.equal(shellUses('x.ts', src, true).length, 1, src);
    const good = [
      "import { execFile, spawn } from 'node:child_process';",
      "spawn('qemu-img', ['info', '--', path], { shell: false });",
      'const m = /x/.exec(s);',
      "// exec('rm -rf /') in a comment, and a string: 'shell: true'",
    ];
    for (const src of good) assert.deepEqual(shellUses('x.ts', src, true), [], src);
  });

  it('no source runs a shell', () => {
    assert.ok(files.length > 300, `only ${files.length} files read`);
    const hits = files.flatMap((f) => shellUses(f.path, f.text, PRODUCTION.has(topDir(f.path))));
    assert.deepEqual(hits, []);
  });
});
