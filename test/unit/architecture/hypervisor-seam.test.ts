// The hypervisor seam holds: no production code outside agent/hypervisor/libvirt/
// imports from it, except the composition root agent/main.ts, which picks the backend.
// Everything else reaches a hypervisor through agent/hypervisor/hypervisor.ts and the
// backend-neutral modules beside it (specs and their checks, metadata, domain names),
// so a second backend, or the fake, is a drop-in. Tests and benchmarks of the libvirt
// backend itself may import it; they are not scanned.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Production code: what the daemons and the CLI run. */
const SCANNED = ['agent', 'common', 'conductor', 'cli'];
const BACKEND = join(ROOT, 'agent', 'hypervisor', 'libvirt') + sep;
const COMPOSITION_ROOT = join(ROOT, 'agent', 'main.ts');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Files (relative to the root) that import the libvirt backend, with what they import. */
async function backendImporters(): Promise<string[]> {
  const found: string[] = [];
  for (const top of SCANNED) {
    for (const file of await sourceFiles(join(ROOT, top))) {
      if (file.startsWith(BACKEND) || file === COMPOSITION_ROOT) continue;
      for (const spec of importsOf(await readFile(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (target.startsWith(BACKEND)) found.push(`${relative(ROOT, file)} → ${spec}`);
      }
    }
  }
  return found;
}

test('the scan sees imports of every form (or it would prove nothing)', () => {
  const text = [
    `import type { A } from './a.ts';`,
    `import { b } from "./b.ts";`,
    `export { c } from './c.ts';`,
    `const d = await import('./d.ts');`,
    `// import { e } from './e.ts';`,
  ].join('\n');
  assert.deepEqual(importsOf(text), ['./a.ts', './b.ts', './c.ts', './d.ts']);
});

test('nothing outside agent/hypervisor/libvirt/ but agent/main.ts imports the libvirt backend', async () => {
  assert.deepEqual(await backendImporters(), []);
});

test('the composition root does import it (the scan looks where the backend is)', async () => {
  const specs = importsOf(await readFile(COMPOSITION_ROOT, 'utf8'));
  assert.ok(
    specs.some((s) => resolve(dirname(COMPOSITION_ROOT), s).startsWith(BACKEND)),
    'agent/main.ts no longer imports agent/hypervisor/libvirt/: update BACKEND',
  );
});
