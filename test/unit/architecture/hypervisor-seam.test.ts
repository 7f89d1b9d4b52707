// The hypervisor seam holds: no production code outside agent/hypervisor/libvirt/
// imports from it, except the composition root agent/main.ts, which picks the backend.
// Everything else reaches a hypervisor through agent/hypervisor/hypervisor.ts and the
// backend-neutral modules beside it (specs and their checks, metadata, domain names),
// so a second backend, or the fake, is a drop-in. Tests and benchmarks of the libvirt
// backend itself may import it.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readSources, type SourceFile, topDir } from './import-graph.ts';

const BACKEND = 'agent/hypervisor/libvirt/';
const COMPOSITION_ROOT = 'agent/main.ts';
/** What the daemons and the CLI run. */
const PRODUCTION = new Set(['agent', 'common', 'conductor', 'cli']);

const intoBackend = (f: SourceFile) => f.imports.filter((i) => i.path.startsWith(BACKEND));

describe('architecture: the hypervisor seam', () => {
  let files: SourceFile[];
  before(async () => {
    files = (await readSources()).filter((f) => PRODUCTION.has(topDir(f.path)));
  });

  it('nothing outside agent/hypervisor/libvirt/ but agent/main.ts imports the libvirt backend', () => {
    const offenders = files
      .filter((f) => !f.path.startsWith(BACKEND) && f.path !== COMPOSITION_ROOT)
      .flatMap((f) => intoBackend(f).map((i) => `${f.path}: ${i.specifier}`));
    assert.deepEqual(offenders, []);
  });

  it('the composition root does import it (the rule looks where the backend is)', () => {
    const root = files.find((f) => f.path === COMPOSITION_ROOT);
    assert.ok(root && intoBackend(root).length > 0, `${COMPOSITION_ROOT} no longer imports ${BACKEND}: update BACKEND`);
  });
});
