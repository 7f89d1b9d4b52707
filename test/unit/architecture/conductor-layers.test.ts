// The conductor's layers, read from the imports of the source tree as it is:
// the gRPC adapters (conductor/api/) sit on top, where only the composition
// root (conductor/main.ts) wires them; the domain (identity, images, flavors,
// compute, network, hosts …) never imports them; and the ground floor —
// the store contract with its helpers (conductor/store/) and the naming
// rules (conductor/naming/) — imports nothing else of the conductor.
// Tests stand up API servers as main.ts does, so test/ is not scanned.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SOURCE_DIRS = ['agent', 'bench', 'cli', 'common', 'conductor', 'scripts'];

interface Edge {
  from: string;
  to: string;
}

/** Every relative import (static, dynamic, type-only, re-export) of the non-test sources, as repository paths. */
function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.split('/').includes('node_modules'),
    );
    for (const f of files) {
      const from = join(dir, f);
      const info = ts.preProcessFile(readFileSync(join(ROOT, from), 'utf8'), true, true);
      for (const { fileName } of info.importedFiles) {
        if (fileName.startsWith('.')) edges.push({ from, to: normalize(join(dirname(from), fileName)) });
      }
    }
  }
  return edges;
}

const under = (path: string, dir: string) => !relative(dir, path).startsWith('..');
const show = (edges: Edge[]) => edges.map((e) => `${e.from} -> ${e.to}`).join('\n');

describe('conductor layers', () => {
  const edges = importEdges();

  it('reads the tree (the scan finds the imports it judges)', () => {
    assert.ok(edges.some((e) => e.from === 'conductor/main.ts' && under(e.to, 'conductor/api')));
    assert.ok(edges.some((e) => under(e.from, 'conductor/network') && under(e.to, 'conductor/store')));
  });

  it('only conductor/main.ts and the adapters themselves import conductor/api/', () => {
    const bad = edges.filter(
      (e) => under(e.to, 'conductor/api') && e.from !== 'conductor/main.ts' && !under(e.from, 'conductor/api'),
    );
    assert.deepEqual(bad, [], `domain code imports the API adapters:\n${show(bad)}`);
  });

  it('the store and the naming rules import nothing else of the conductor', () => {
    for (const ground of ['conductor/store', 'conductor/naming']) {
      const bad = edges.filter((e) => under(e.from, ground) && under(e.to, 'conductor') && !under(e.to, ground));
      assert.deepEqual(bad, [], `${ground} imports from above it:\n${show(bad)}`);
    }
  });
});
