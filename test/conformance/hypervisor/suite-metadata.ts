// What a backend keeps with a domain is what a restarted agent reads back: the spec's
// durable part (metadataFromSpec), exactly, including names with markup, quotes,
// whitespace and non-ASCII, ports and volumes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metadataFromSpec } from '../../../agent/hypervisor/instance-metadata.ts';
import { definitionPort, freshId, type SuiteContext } from './suite-helpers.ts';

export function metadataTests(c: SuiteContext): void {
  test('define → metadata gives back the durable part of the spec', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const spec = {
      ...(await c.s.spec(id)),
      name: `  "quoted" 'single' & <markup/> ünï 中文 🚀  `,
      ports: [definitionPort(), { ...definitionPort(), mode: 'bridge' as const, mtu: 1450 }],
      volumes: [
        {
          id: 'c0ffee00-1234-4567-89ab-cdef01234567',
          target: 'vdc',
          iscsi: { host: '192.0.2.10', port: 3260, iqn: 'iqn.2026-01.io.strato:c0ffee00', lun: 1 },
        },
      ],
    };
    await hv.define(spec);
    assert.deepEqual(await hv.metadata(id), metadataFromSpec(spec));
  });

  test('metadata follows a redefine and goes with undefine', async (t) => {
    const { hv } = c.s;
    const id = freshId(t, c.s);
    const spec = await c.s.spec(id);
    await hv.define(spec);
    const bigger = { ...spec, flavor: { ...spec.flavor, ramMiB: spec.flavor.ramMiB * 2 } };
    await hv.define(bigger);
    assert.deepEqual(await hv.metadata(id), metadataFromSpec(bigger));
    await hv.undefine(id);
    assert.equal(await hv.metadata(id), undefined);
  });
}
