// Bad specs are refused with INVALID_ARGUMENT naming the field, where the agent builds
// them and before any backend sees them (the backends trust what they get): values
// that would inject markup, traverse paths, smuggle QEMU options or clash with
// libvirt's own names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InstanceSpec, OverlayRootDisk } from '../../../agent/hypervisor/instance-spec.ts';
import {
  INVALID_SPEC_REASON,
  validateInstanceSpec,
  validatePort,
  validateVolume,
} from '../../../agent/hypervisor/instance-spec-validate.ts';
import { isStratoError } from '../../../common/errors.ts';
import { bootVolumeSpec, minimalSpec, port, volume, volumeSpec } from '../domain-xml/specs.ts';

function rejects(mutate: (s: InstanceSpec) => void, field: string): void {
  const spec = volumeSpec();
  mutate(spec);
  assert.throws(
    () => validateInstanceSpec(spec),
    (err) =>
      isStratoError(err, 'INVALID_ARGUMENT') &&
      err.reason === INVALID_SPEC_REASON &&
      err.details['field'] === field &&
      err.message.startsWith(`${field}:`),
    `expected ${field} to be rejected`,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: deliberately writing wrongly typed input
type Loose = any;

/** The sample specs' root disk, an overlay. */
const overlay = (s: InstanceSpec): OverlayRootDisk => s.rootDisk as OverlayRootDisk;
const OTHER_VOLUME = '0dd0dd00-1234-4567-89ab-cdef01234567';

describe('spec validation', () => {
  test('the sample specs are valid', () => {
    assert.doesNotThrow(() => validateInstanceSpec(volumeSpec()));
  });

  const cases: [string, string, (s: InstanceSpec) => void][] = [
    ['markup in the instance id', 'id', (s) => (s.id = `${s.id}</uuid><devices/>`)],
    ['upper-case uuid', 'id', (s) => (s.id = s.id.toUpperCase())],
    ['path traversal in the id', 'id', (s) => (s.id = '../../etc')],
    ['a control character in the name', 'name', (s) => (s.name = 'a\u0000b')],
    ['a newline in the name', 'name', (s) => (s.name = 'a\nb')],
    ['an empty name', 'name', (s) => (s.name = '')],
    ['a 256-character name', 'name', (s) => (s.name = 'x'.repeat(256))],
    ['a lone surrogate in the name', 'name', (s) => (s.name = 'a\uD800b')],
    ['markup in the project id', 'projectId', (s) => (s.projectId = "p'/><x a='")],
    ['a slash in the image id', 'imageId', (s) => (s.imageId = 'a/b')],
    ['a non-UTC time', 'createdAt', (s) => (s.createdAt = '2026-01-15T10:20:30+01:00')],
    ['an impossible date', 'createdAt', (s) => (s.createdAt = '2026-13-45T10:20:30Z')],
    ['an unknown virt type', 'virtType', (s) => ((s as Loose).virtType = 'xen')],
    ['zero vCPUs', 'flavor.vcpus', (s) => (s.flavor.vcpus = 0)],
    ['fractional RAM', 'flavor.ramMiB', (s) => (s.flavor.ramMiB = 256.5)],
    ['RAM as a string', 'flavor.ramMiB', (s) => ((s.flavor as Loose).ramMiB = '256')],
    ['a relative root disk', 'rootDisk.path', (s) => (overlay(s).path = 'disk.qcow2')],
    ['.. in the root disk', 'rootDisk.path', (s) => (overlay(s).path = '/var/lib/strato/../../etc/shadow')],
    ['a comma in the root disk (QEMU option)', 'rootDisk.path', (s) => (overlay(s).path = '/x/disk,format=raw')],
    ['a quote in the root disk', 'rootDisk.path', (s) => (overlay(s).path = "/x/d'/><disk")],
    ['a double slash', 'rootDisk.path', (s) => (overlay(s).path = '/x//disk')],
    [
      'an unknown backing format',
      'rootDisk.backing.format',
      (s) => (overlay(s).backing = { path: '/b', format: 'vmdk' as Loose }),
    ],
    ['a relative config drive', 'configDrive.path', (s) => (s.configDrive = { path: 'cd.iso' })],
    ['a kernel outside the alphabet', 'kernelBoot.kernel', (s) => (s.kernelBoot = { kernel: '/boot/vm linuz' })],
    [
      'a control character in the cmdline',
      'kernelBoot.cmdline',
      (s) => (s.kernelBoot = { kernel: '/k', cmdline: 'a\u001bb' }),
    ],
    ['a relative console log', 'consoleLogPath', (s) => (s.consoleLogPath = 'console.log')],
    ['ports not an array', 'ports', (s) => ((s as Loose).ports = {})],
    ['an upper-case MAC', 'ports[0].mac', (s) => (s.ports[0]!.mac = 'FA:16:3E:00:00:01')],
    ['a multicast MAC', 'ports[0].mac', (s) => (s.ports[0]!.mac = '01:00:5e:00:00:01')],
    ['a zero MAC', 'ports[0].mac', (s) => (s.ports[0]!.mac = '00:00:00:00:00:00')],
    ['a 16-character tap', 'ports[0].tap', (s) => (s.ports[0]!.tap = 'tap0123456789abc')],
    ['a slash in the tap', 'ports[0].tap', (s) => (s.ports[0]!.tap = 'tap/../x')],
    ['markup in the tap', 'ports[0].tap', (s) => (s.ports[0]!.tap = "t'/><x")],
    ['a tap libvirt would rename', 'ports[0].tap', (s) => (s.ports[0]!.tap = 'vnet0')],
    ['a bridge with a space', 'ports[0].bridge', (s) => (s.ports[0]!.bridge = 'br 0')],
    ['an unknown port mode', 'ports[0].mode', (s) => ((s.ports[0] as Loose).mode = 'direct')],
    ['an MTU too small', 'ports[0].mtu', (s) => (s.ports[0]!.mtu = 67)],
    ['a duplicate port', 'ports[].id', (s) => s.ports.push(port(1, { mac: 'fa:16:3e:00:00:09', tap: 'tapx' }))],
    ['a duplicate MAC', 'ports[].mac', (s) => s.ports.push(port(2, { mac: 'fa:16:3e:00:00:01' }))],
    ['a duplicate tap', 'ports[].tap', (s) => s.ports.push(port(2, { tap: s.ports[0]!.tap }))],
    ['a volume on vda', 'volumes[0].target', (s) => (s.volumes[0]!.target = 'vda')],
    ['a volume on vdb', 'volumes[0].target', (s) => (s.volumes[0]!.target = 'vdb')],
    ['a volume on sda', 'volumes[0].target', (s) => (s.volumes[0]!.target = 'sda')],
    ['a space in the volume id (serial)', 'volumes[0].id', (s) => (s.volumes[0]!.id = 'a b')],
    ['a slash in the IQN', 'volumes[0].iscsi.iqn', (s) => (s.volumes[0]!.iscsi.iqn = 'iqn.2026-01.io.strato:a/0')],
    ['a bad portal host', 'volumes[0].iscsi.host', (s) => (s.volumes[0]!.iscsi.host = "h'/><x")],
    ['port 0', 'volumes[0].iscsi.port', (s) => (s.volumes[0]!.iscsi.port = 0)],
    ['a negative LUN', 'volumes[0].iscsi.lun', (s) => (s.volumes[0]!.iscsi.lun = -1)],
    [
      'markup in the CHAP user',
      'volumes[0].iscsi.auth.username',
      (s) => (s.volumes[0]!.iscsi.auth = { username: '<x>', secretUsage: 'u' }),
    ],
    [
      'a space in the secret usage',
      'volumes[0].iscsi.auth.secretUsage',
      (s) => (s.volumes[0]!.iscsi.auth = { username: 'u', secretUsage: 'a b' }),
    ],
    [
      "another volume's secret",
      'volumes[0].iscsi.auth.secretUsage',
      (s) => (s.volumes[0]!.iscsi.auth = { username: 'u', secretUsage: `strato-volume-${OTHER_VOLUME}` }),
    ],
    ['an upper-case volume id', 'volumes[0].id', (s) => (s.volumes[0]!.id = s.volumes[0]!.id.toUpperCase())],
    [
      'an initiator name with a space',
      'volumes[0].iscsi.initiator',
      (s) => (s.volumes[0]!.iscsi.initiator = 'iqn.2026-01.io.strato:host a'),
    ],
    ['a duplicate volume target', 'volumes[].target', (s) => s.volumes.push(volume({ id: OTHER_VOLUME }))],
    ['a duplicate volume', 'volumes[].id', (s) => s.volumes.push(volume({ target: 'vdd' }))],
    [
      'a root volume not on vda',
      'rootDisk.volume.target',
      (s) => (s.rootDisk = { kind: 'volume', volume: volume({ id: OTHER_VOLUME, target: 'vdd' }) }),
    ],
    [
      'a root volume attached again',
      'volumes[].id',
      (s) => (s.rootDisk = { kind: 'volume', volume: volume({ target: 'vda' }) }),
    ],
    ['an unknown root disk kind', 'rootDisk.kind', (s) => ((s.rootDisk as Loose).kind = 'iso')],
    ['an empty image id (not a boot from volume)', 'imageId', (s) => (s.imageId = '')],
  ];
  for (const [what, field, mutate] of cases) {
    test(`rejects ${what}`, () => rejects(mutate, field));
  }

  test('accepts IPv6 portals, host names and two-letter targets', () => {
    for (const host of ['::1', 'fd00::10', 'storage-1.example.org', '10.0.0.5']) {
      const spec = volumeSpec();
      spec.volumes[0]!.iscsi.host = host;
      spec.volumes[0]!.target = 'vdaa';
      assert.doesNotThrow(() => validateInstanceSpec(spec), host);
    }
  });

  test('a boot from volume: the root volume on vda, no image named', () => {
    assert.doesNotThrow(() => validateInstanceSpec(bootVolumeSpec()));
    assert.doesNotThrow(() => validateInstanceSpec({ ...bootVolumeSpec(), imageId: 'a0b1c2d3' }));
  });

  test('a rejected spec names the bad field in a message a user can act on', () => {
    const spec = minimalSpec();
    overlay(spec).path = '/var/lib/../x';
    assert.throws(() => validateInstanceSpec(spec), /rootDisk\.path: must be a normalised path/);
  });

  // A hot-plugged device is checked on its own (port-ops.ts; volumes next), by the same rules.
  test('a device alone: a port or volume that would break its XML or path names the field', () => {
    const bad = (fn: () => unknown, field: string): void =>
      assert.throws(fn, (err) => isStratoError(err, 'INVALID_ARGUMENT') && err.details['field'] === field, field);
    bad(() => validatePort(port(1, { tap: 'tap</target>' })), 'port.tap');
    bad(() => validatePort(port(1, { tap: '../../etc' })), 'port.tap');
    bad(() => validatePort(port(1, { mac: 'fa:16:3e:00:00' })), 'port.mac');
    bad(() => validateVolume(volume({ target: 'vda' })), 'volume.target');
    bad(() => validateVolume(volume({ id: 'x</serial><y>' })), 'volume.id');
    bad(() => validateVolume(volume({ target: 'vdc' }), 'volume', true), 'volume.target');
    assert.doesNotThrow(() => validatePort(port(1)));
    assert.doesNotThrow(() => validateVolume(volume()));
  });
});
