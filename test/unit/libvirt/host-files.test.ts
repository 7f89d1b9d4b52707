// What the libvirt hypervisor reads and removes on the host: QEMU's account from the
// capabilities (DAC base label), and the per-domain logs libvirt leaves behind.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { guestOwnerFromCapabilities } from '../../../agent/hypervisor/libvirt/dac-owner.ts';
import { isDomainLog, removeDomainLogs } from '../../../agent/hypervisor/libvirt/domain-logs.ts';
import { isStratoError } from '../../../common/errors.ts';

// As libvirt 9.0 answers virConnectGetCapabilities on Debian 12 (trimmed).
const caps = (secmodels: string) => `<capabilities>
  <host>
    <uuid>2aa88701-7e79-4366-8534-deb2fa978355</uuid>
    <cpu><arch>x86_64</arch></cpu>
    ${secmodels}
  </host>
  <guest><os_type>hvm</os_type></guest>
</capabilities>
`;
const DEBIAN = `<secmodel>
      <model>none</model>
      <doi>0</doi>
    </secmodel>
    <secmodel>
      <model>dac</model>
      <doi>0</doi>
      <baselabel type='kvm'>+64055:+108</baselabel>
      <baselabel type='qemu'>+64055:+64055</baselabel>
    </secmodel>`;

describe('guestOwnerFromCapabilities', () => {
  it("reads the DAC base label of the guest's virt type", () => {
    assert.deepEqual(guestOwnerFromCapabilities(caps(DEBIAN), 'qemu'), { uid: 64055, gid: 64055 });
    assert.deepEqual(guestOwnerFromCapabilities(caps(DEBIAN), 'kvm'), { uid: 64055, gid: 108 });
  });

  it('QEMU run as root (qemu.conf user = "root") is root', () => {
    const root = `<secmodel><model>dac</model><doi>0</doi><baselabel type='qemu'>+0:+0</baselabel></secmodel>`;
    assert.deepEqual(guestOwnerFromCapabilities(caps(root), 'qemu'), { uid: 0, gid: 0 });
  });

  it('no DAC label (or one for another virt type only) is FAILED_PRECONDITION, never a guess', () => {
    const kvmOnly = `<secmodel><model>dac</model><baselabel type='kvm'>+1:+2</baselabel></secmodel>`;
    const apparmor = `<secmodel><model>apparmor</model><baselabel type='qemu'>+1:+2</baselabel></secmodel>`;
    for (const sm of [
      '',
      kvmOnly,
      apparmor,
      `<secmodel><model>dac</model><baselabel type='qemu'>qemu:qemu</baselabel></secmodel>`,
    ]) {
      assert.throws(
        () => guestOwnerFromCapabilities(caps(sm), 'qemu'),
        (e) => isStratoError(e, 'FAILED_PRECONDITION') && e.reason === 'GUEST_OWNER_UNKNOWN',
      );
    }
  });
});

describe('domain logs', () => {
  const name = 'strato-6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
  let dir = '';
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('are the log and its numbered rotations, of that domain only', () => {
    for (const f of [`${name}.log`, `${name}.log.0`, `${name}.log.12`]) assert.ok(isDomainLog(f, name), f);
    for (const f of [`${name}.log.old`, `${name}.log.`, `${name}x.log`, `${name}.log0`, `${name}-swtpm.log`, 'x.log']) {
      assert.ok(!isDomainLog(f, name), f);
    }
  });

  it('are removed, others kept; removing them again or from a missing directory succeeds', async () => {
    dir = await mkdtemp(join(tmpdir(), 'strato-domain-logs-'));
    const other = 'strato-00000000-4a5b-4c6d-8e7f-9a0b1c2d3e4f.log';
    for (const f of [`${name}.log`, `${name}.log.0`, `${name}.log.1`, other]) await writeFile(join(dir, f), 'x');
    await removeDomainLogs(dir, name);
    assert.deepEqual(await readdir(dir), [other]);
    await removeDomainLogs(dir, name);
    await removeDomainLogs(join(dir, 'absent'), name);
  });
});
