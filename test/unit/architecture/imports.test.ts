// The layering rules, enforced on the sources: the two daemons share only proto/ and
// common/ (nothing under conductor/ imports from agent/, nor the reverse), the CLI
// imports neither, common/ imports neither (it would be a back door between them), and
// no import circle exists outside test/. A failure lists every offending file and
// specifier, or each circle's files in order.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  importCircles,
  importSpecifiers,
  layeringViolations,
  readSources,
  type SourceFile,
  sourceFile,
  topDir,
} from './import-graph.ts';

describe('architecture: imports', () => {
  let files: SourceFile[];
  before(async () => {
    files = await readSources();
  });

  it('reads the whole tree', () => {
    const tops = new Set(files.map((f) => topDir(f.path)));
    for (const dir of ['agent', 'conductor', 'cli', 'common', 'test']) assert.ok(tops.has(dir), `found ${dir}/`);
    assert.ok(files.length > 400, `${files.length} files`);
  });

  it('conductor/ and agent/ never import each other; cli/ and common/ import neither', () => {
    assert.deepEqual(layeringViolations(files), []);
  });

  it('has no import circle outside test/', () => {
    const circles = importCircles(files.filter((f) => topDir(f.path) !== 'test'));
    assert.deepEqual(
      circles.map((c) => c.join(' → ')),
      [],
    );
  });
});

describe('architecture: the checks themselves', () => {
  it('sees static, type-only, re-export, side-effect and dynamic imports, but not comments or strings', () => {
    const src = [
      "import a from './a.ts';",
      "import type { B } from './b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.ts';",
      "const f = await import('./f.ts');",
      "// import g from './g.ts';",
      'const h = "import h from \'./h.ts\'";',
      "import { pino } from 'pino';",
    ].join('\n');
    assert.deepEqual(importSpecifiers(src), ['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', 'pino']);
  });

  it('flags each forbidden direction, type-only and dynamic imports included', () => {
    const files = [
      sourceFile('conductor/x/a.ts', "import type { T } from '../../agent/network/t.ts';"),
      sourceFile('agent/b.ts', "const m = await import('../conductor/m.ts');"),
      sourceFile('cli/c.ts', "export { x } from '../agent/x.ts';\nimport { y } from '../common/y.ts';"),
      sourceFile('common/d.ts', "import '../conductor/d.ts';"),
      sourceFile('test/e.ts', "import '../agent/e.ts';\nimport '../conductor/e.ts';"),
      sourceFile('conductor/f.ts', "import { g } from './g.ts';\nimport { h } from '../common/h.ts';"),
    ];
    assert.deepEqual(layeringViolations(files), [
      'conductor/x/a.ts: ../../agent/network/t.ts',
      'agent/b.ts: ../conductor/m.ts',
      'cli/c.ts: ../agent/x.ts',
      'common/d.ts: ../conductor/d.ts',
    ]);
  });

  it('finds every circle and names its files in order', () => {
    const files = [
      sourceFile('a/one.ts', "import './two.ts';"),
      sourceFile('a/two.ts', "import './three.ts';\nimport './four.ts';"),
      sourceFile('a/three.ts', "import './one.ts';"),
      sourceFile('a/four.ts', "import type { X } from './five.ts';"),
      sourceFile('a/five.ts', ''),
      sourceFile('b/self.ts', "import './self.ts';"),
      sourceFile('b/x.ts', "import('./y.ts');"),
      sourceFile('b/y.ts', "export * from './x.ts';"),
    ];
    assert.deepEqual(importCircles(files), [
      ['a/one.ts', 'a/two.ts', 'a/three.ts', 'a/one.ts'],
      ['b/self.ts', 'b/self.ts'],
      ['b/x.ts', 'b/y.ts', 'b/x.ts'],
    ]);
    assert.deepEqual(importCircles(files.filter((f) => f.path !== 'a/three.ts' && !f.path.startsWith('b/'))), []);
  });
});
