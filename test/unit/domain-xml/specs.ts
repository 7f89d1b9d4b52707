// Sample instance specs shared by the golden, metadata and integration tests. Each is
// a fresh object per call so a test may mutate its copy.
import type { InstanceSpec, PortSpec, VolumeSpec } from '../../../agent/hypervisor/instance-spec.ts';

export const INSTANCE_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const DIR = `/var/lib/strato/instances/${INSTANCE_ID}`;

export function minimalSpec(): InstanceSpec {
  return {
    id: INSTANCE_ID,
    name: 'web-1',
    projectId: 'b1e2c3d4-0000-4000-8000-000000000001',
    imageId: 'a0b1c2d3-0000-4000-8000-0000000000aa',
    createdAt: '2026-01-15T10:20:30.123Z',
    virtType: 'qemu',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 256, diskGiB: 1 },
    rootDisk: { path: `${DIR}/disk` },
    ports: [],
    volumes: [],
    consoleLogPath: `${DIR}/console.log`,
  };
}

export function port(n: number, overrides: Partial<PortSpec> = {}): PortSpec {
  const id = `0000000${n}-1111-4222-8333-444455556666`;
  const networkId = `9999999${n}-aaaa-4bbb-8ccc-ddddeeeeffff`;
  return {
    id,
    mac: `fa:16:3e:00:00:0${n}`,
    networkId,
    tap: `tap${id.slice(0, 11)}`,
    bridge: `brq${networkId.slice(0, 11)}`,
    mode: 'bridge',
    mtu: 1450,
    ...overrides,
  };
}

/** A volume disk; its IQN, CHAP user and secret follow `overrides.id`. */
export function volume(overrides: Partial<VolumeSpec> = {}): VolumeSpec {
  const id = overrides.id ?? 'c0ffee00-1234-4567-89ab-cdef01234567';
  return {
    id,
    target: 'vdc',
    iscsi: {
      host: '127.0.0.1',
      port: 3260,
      iqn: `iqn.2026-01.io.strato:${id}`,
      lun: 1,
      auth: { username: `strato-${id}`, secretUsage: `strato-volume-${id}` },
      initiator: 'iqn.2026-01.io.strato:host:compute-1',
    },
    ...overrides,
  };
}

/** A second volume on an IPv6 portal. */
export function ipv6Volume(): VolumeSpec {
  const v = volume({ id: 'b0a710ad-0000-4000-8000-00000000000b', target: 'vdd' });
  v.iscsi.host = 'fd00:10::2';
  return v;
}

export function twoNicsConfigDriveSpec(): InstanceSpec {
  return {
    ...minimalSpec(),
    name: `db & "cache" <primary> it's ü`,
    flavor: { name: 'm1.small', vcpus: 2, ramMiB: 512, diskGiB: 10 },
    rootDisk: { path: `${DIR}/disk`, backing: { path: '/var/lib/strato/images/sha256-0123abcd', format: 'qcow2' } },
    configDrive: { path: `${DIR}/disk.config` },
    ports: [port(1), port(2, { mode: 'ethernet', mtu: 1500 })],
  };
}

export function volumeSpec(): InstanceSpec {
  return { ...minimalSpec(), ports: [port(1)], volumes: [volume()] };
}

/** Boot from volume: the root disk is an iSCSI volume on vda; no image; a data volume on IPv6. */
export function bootVolumeSpec(): InstanceSpec {
  const root = volume({ id: 'da7a0000-1234-4567-89ab-cdef01234567', target: 'vda' });
  return {
    ...minimalSpec(),
    imageId: '',
    rootDisk: { kind: 'volume', volume: root },
    configDrive: { path: `${DIR}/disk.config` },
    volumes: [ipv6Volume()],
  };
}

export function kernelBootSpec(): InstanceSpec {
  return {
    ...minimalSpec(),
    kernelBoot: {
      kernel: '/var/lib/strato/test-image/vmlinuz',
      initrd: '/var/lib/strato/test-image/initrd.img',
      cmdline: "console=ttyS0 quiet strato.marker='booted' panic=-1",
    },
    ports: [port(1)],
    configDrive: { path: `${DIR}/disk.config` },
  };
}

export function kvmSpec(): InstanceSpec {
  return { ...minimalSpec(), virtType: 'kvm', flavor: { name: 'm1.large', vcpus: 4, ramMiB: 8192, diskGiB: 80 } };
}

/** Golden file name → spec. */
export const GOLDEN_SPECS: Record<string, () => InstanceSpec> = {
  minimal: minimalSpec,
  'two-nics-config-drive': twoNicsConfigDriveSpec,
  volume: volumeSpec,
  'boot-volume': bootVolumeSpec,
  'kernel-boot': kernelBootSpec,
  kvm: kvmSpec,
};
