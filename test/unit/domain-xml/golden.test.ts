// Each sample spec's domain XML is compared byte-for-byte with its golden file and
// checked against libvirt's schema. STRATO_UPDATE_GOLDEN=1 rewrites the goldens
// (review the diff before committing it).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { GOLDEN_SPECS } from './specs.ts';
import { virtXmlValidate } from './virt-xml-validate.ts';

const GOLDEN_DIR = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.STRATO_UPDATE_GOLDEN === '1';

describe('domain XML goldens', () => {
  for (const [name, makeSpec] of Object.entries(GOLDEN_SPECS)) {
    const file = path.join(GOLDEN_DIR, `${name}.xml`);

    test(`${name}: matches golden/${name}.xml`, async () => {
      const xml = buildDomainXml(makeSpec());
      if (UPDATE) await writeFile(file, xml);
      const golden = await readFile(file, 'utf8');
      assert.equal(xml, golden);
    });

    test(`${name}: golden passes virt-xml-validate`, async () => {
      const result = await virtXmlValidate(await readFile(file, 'utf8'));
      // scripts/setup-host installs libvirt-clients; a missing validator is a failure, not a skip.
      assert.ok(result !== undefined, 'virt-xml-validate not installed (package libvirt-clients)');
      assert.ok(result.ok, result.output);
    });
  }

  test('the same spec always gives the same XML', () => {
    for (const makeSpec of Object.values(GOLDEN_SPECS))
      assert.equal(buildDomainXml(makeSpec()), buildDomainXml(makeSpec()));
  });

  test('kvm and qemu differ only in domain type and CPU mode', () => {
    const qemu = buildDomainXml({ ...GOLDEN_SPECS['kvm']!(), virtType: 'qemu' });
    const kvm = buildDomainXml(GOLDEN_SPECS['kvm']!());
    assert.match(qemu, /^<domain type='qemu'>/);
    assert.match(kvm, /^<domain type='kvm'>/);
    assert.doesNotMatch(qemu, /<cpu /);
    assert.equal(
      kvm
        .replace("<domain type='kvm'>", "<domain type='qemu'>")
        .replace("  <cpu mode='host-passthrough' check='none'/>\n", ''),
      qemu,
    );
  });
});
