// The rules every InstanceSpec, PortSpec and VolumeSpec obeys, checked once where the
// agent turns a request into that plain data (agent/compute/spawn-request.ts for a
// spawn, port-ops.ts for a hot-plug); every Hypervisor backend then trusts what it is
// given. Escaping in a backend keeps values from becoming markup; these rules go
// further and hold every identifier, path and device name to a narrow alphabet,
// because those values also become file names, link names, QEMU command-line
// arguments and hypervisor lookups, where escaping does not help (`../../etc/shadow`,
// a comma in a QEMU option, a tap named `vnet0` that libvirt would silently rename).
// Bad input fails with INVALID_ARGUMENT naming the field.
import net from 'node:net';
import { invalidArgument } from '../../common/errors.ts';
import {
  CONFIG_DRIVE_TARGET,
  type FlavorSpec,
  type InstanceSpec,
  type IscsiSourceSpec,
  type PortSpec,
  ROOT_DISK_TARGET,
  specVolumes,
  type VolumeSpec,
} from './instance-spec.ts';
import { volumeSecretUsage } from './volume-secret.ts';

export const INVALID_SPEC_REASON = 'INVALID_INSTANCE_SPEC';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Ids from the conductor: starts alphanumeric, so never `.`/`..`; also a valid libvirt
// disk serial (`[A-Za-z0-9_.+\- ]+`).
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
// Linux interface names: ≤ 15 bytes, no `/`, no whitespace, no `:`.
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,14}$/;
// libvirt treats these prefixes as its own auto-generated names and replaces them.
const RESERVED_IF_PREFIX = /^(vnet|macvtap|macvlan)/;
// Absolute path from a conservative alphabet (no commas: QEMU option separator).
const PATH = /^\/[A-Za-z0-9._@+/-]{1,4095}$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const IQN = /^iqn\.\d{4}-\d{2}\.[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[A-Za-z0-9.:_-]+)?$/;
const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;
const CHAP_USER = /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,254}$/;
const VOLUME_TARGET = /^vd[a-z]{1,2}$/;
// Legal in no display string we store: C0 and C1 controls, DEL, unpaired surrogates
// (with the `u` flag only a lone one matches the range) and the non-characters
// U+FFFE/U+FFFF. What is left is also legal in an XML 1.0 document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NOT_TEXT = /[\u0000-\u001f\u007f-\u009f\uD800-\uDFFF\uFFFE\uFFFF]/u;

function fail(field: string, message: string): never {
  throw invalidArgument(INVALID_SPEC_REASON, `${field}: ${message}`, { details: { field } });
}

function str(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, 'must be a string');
  return value;
}

function matches(value: unknown, re: RegExp, field: string, what: string): string {
  const s = str(value, field);
  if (!re.test(s)) fail(field, `must be ${what}, got ${JSON.stringify(s.slice(0, 80))}`);
  return s;
}

function int(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Free text (display names, kernel command line): any printable Unicode. */
function text(value: unknown, field: string, maxLength: number, allowEmpty = false): string {
  const s = str(value, field);
  if (!allowEmpty && s.length === 0) fail(field, 'must not be empty');
  if (s.length > maxLength) fail(field, `must be at most ${maxLength} characters`);
  if (NOT_TEXT.test(s)) fail(field, 'must not contain control characters, lone surrogates or non-characters');
  return s;
}

function path(value: unknown, field: string): string {
  const s = matches(value, PATH, field, 'an absolute path of letters, digits and ._@+-/');
  if (
    s
      .split('/')
      .slice(1)
      .some((seg) => seg === '' || seg === '.' || seg === '..')
  ) {
    fail(field, 'must be a normalised path (no empty, . or .. segments)');
  }
  return s;
}

function ifname(value: unknown, field: string): string {
  const s = matches(value, IFNAME, field, 'an interface name (1-15 of letters, digits, _.-)');
  if (RESERVED_IF_PREFIX.test(s)) fail(field, 'must not start with vnet, macvtap or macvlan (reserved by libvirt)');
  return s;
}

function host(value: unknown, field: string): string {
  const s = str(value, field);
  if (net.isIP(s) === 0 && !(s.length <= 253 && HOSTNAME.test(s))) fail(field, 'must be a host name or IP address');
  return s;
}

function unique(values: string[], field: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) fail(field, `duplicate ${JSON.stringify(v)}`);
    seen.add(v);
  }
}

export function validatePort(port: PortSpec, field = 'port'): void {
  if (typeof port !== 'object' || port === null) fail(field, 'must be an object');
  matches(port.id, ID, `${field}.id`, 'an id');
  const mac = matches(port.mac, MAC, `${field}.mac`, 'a lower-case MAC address like fa:16:3e:00:00:01');
  // Bit 0 of the first octet marks multicast; a NIC with such an address breaks ARP.
  if ((Number.parseInt(mac.slice(0, 2), 16) & 1) === 1) fail(`${field}.mac`, 'must be a unicast address');
  if (mac === '00:00:00:00:00:00') fail(`${field}.mac`, 'must not be all zeros');
  matches(port.networkId, ID, `${field}.networkId`, 'an id');
  ifname(port.tap, `${field}.tap`);
  ifname(port.bridge, `${field}.bridge`);
  oneOf(port.mode, ['bridge', 'ethernet'] as const, `${field}.mode`);
  if (port.mtu !== undefined) int(port.mtu, `${field}.mtu`, 68, 65535);
}

function validateIscsi(src: IscsiSourceSpec, field: string, volumeId: string): void {
  if (typeof src !== 'object' || src === null) fail(field, 'must be an object');
  host(src.host, `${field}.host`);
  int(src.port, `${field}.port`, 1, 65535);
  matches(src.iqn, IQN, `${field}.iqn`, 'an iSCSI qualified name (iqn.YYYY-MM.domain[:name])');
  int(src.lun, `${field}.lun`, 0, 16383);
  if (src.auth !== undefined) {
    if (typeof src.auth !== 'object' || src.auth === null) fail(`${field}.auth`, 'must be an object');
    matches(src.auth.username, CHAP_USER, `${field}.auth.username`, 'a CHAP user name');
    // The agent defines, finds and removes the secret by this name (volume-secret.ts).
    const usage = volumeSecretUsage(volumeId);
    if (src.auth.secretUsage !== usage) fail(`${field}.auth.secretUsage`, `must be ${usage}`);
  }
  if (src.initiator !== undefined) {
    matches(src.initiator, IQN, `${field}.initiator`, 'an iSCSI qualified name (iqn.YYYY-MM.domain[:name])');
  }
}

/**
 * A volume disk alone (a hot-plug) or in a spec. `root`: the root disk of a boot from
 * volume, which takes vda; any other volume takes vdc and up.
 */
export function validateVolume(volume: VolumeSpec, field = 'volume', root = false): void {
  if (typeof volume !== 'object' || volume === null) fail(field, 'must be an object');
  const id = matches(volume.id, UUID, `${field}.id`, 'a lower-case UUID');
  const target = matches(volume.target, VOLUME_TARGET, `${field}.target`, 'a virtio disk name like vdc');
  if (root && target !== ROOT_DISK_TARGET) fail(`${field}.target`, `must be ${ROOT_DISK_TARGET}: it is the root disk`);
  if (!root && (target === ROOT_DISK_TARGET || target === CONFIG_DRIVE_TARGET)) {
    fail(
      `${field}.target`,
      `${target} is reserved for the ${target === ROOT_DISK_TARGET ? 'root disk' : 'config drive'}`,
    );
  }
  validateIscsi(volume.iscsi, `${field}.iscsi`, id);
}

/** Throws INVALID_ARGUMENT naming the flavor field (vcpus, ramMiB, diskGiB) out of range. */
export function validateFlavor(flavor: FlavorSpec): void {
  if (typeof flavor !== 'object' || flavor === null) fail('flavor', 'must be an object');
  text(flavor.name, 'flavor.name', 255);
  int(flavor.vcpus, 'flavor.vcpus', 1, 255); // i440fx ('pc') tops out at 255 vCPUs
  int(flavor.ramMiB, 'flavor.ramMiB', 16, 4 * 1024 * 1024);
  int(flavor.diskGiB, 'flavor.diskGiB', 0, 65536);
}

function validateIdentity(spec: InstanceSpec): void {
  matches(spec.id, UUID, 'id', 'a lower-case UUID');
  text(spec.name, 'name', 255);
  matches(spec.projectId, ID, 'projectId', 'an id');
  // A boot from volume may name no image (the volume was made from one, or not).
  const bootsFromVolume = typeof spec.rootDisk === 'object' && spec.rootDisk?.kind === 'volume';
  if (!(bootsFromVolume && spec.imageId === '')) matches(spec.imageId, ID, 'imageId', 'an id');
  const created = matches(spec.createdAt, ISO_UTC, 'createdAt', 'an ISO 8601 UTC time');
  if (Number.isNaN(Date.parse(created))) fail('createdAt', 'is not a real date');
}

function validateRootDisk(spec: InstanceSpec): void {
  const root = spec.rootDisk;
  if (typeof root !== 'object' || root === null) fail('rootDisk', 'must be an object');
  if (root.kind === 'volume') {
    validateVolume(root.volume, 'rootDisk.volume', true);
    return;
  }
  if (root.kind !== undefined && root.kind !== 'overlay') fail('rootDisk.kind', 'must be overlay or volume');
  path(root.path, 'rootDisk.path');
  if (root.backing !== undefined) {
    path(root.backing.path, 'rootDisk.backing.path');
    oneOf(root.backing.format, ['qcow2', 'raw'] as const, 'rootDisk.backing.format');
  }
}

function validateDisks(spec: InstanceSpec): void {
  validateRootDisk(spec);
  if (spec.configDrive !== undefined) path(spec.configDrive.path, 'configDrive.path');
  if (spec.kernelBoot !== undefined) {
    path(spec.kernelBoot.kernel, 'kernelBoot.kernel');
    if (spec.kernelBoot.initrd !== undefined) path(spec.kernelBoot.initrd, 'kernelBoot.initrd');
    if (spec.kernelBoot.cmdline !== undefined) text(spec.kernelBoot.cmdline, 'kernelBoot.cmdline', 4096, true);
  }
  path(spec.consoleLogPath, 'consoleLogPath');
}

function validateDevices(spec: InstanceSpec): void {
  const { ports, volumes } = spec;
  if (!Array.isArray(ports)) fail('ports', 'must be an array');
  ports.forEach((p, i) => {
    validatePort(p, `ports[${i}]`);
  });
  for (const key of ['id', 'mac', 'tap'] as const) {
    unique(
      ports.map((p) => p[key]),
      `ports[].${key}`,
    );
  }
  if (!Array.isArray(volumes)) fail('volumes', 'must be an array');
  volumes.forEach((v, i) => {
    validateVolume(v, `volumes[${i}]`);
  });
  // A root volume counts too: no volume twice, and vda only once.
  for (const key of ['id', 'target'] as const) {
    unique(
      specVolumes(spec).map((v) => v[key]),
      `volumes[].${key}`,
    );
  }
}

/** Throws INVALID_ARGUMENT (reason INVALID_INSTANCE_SPEC) on the first bad field. */
export function validateInstanceSpec(spec: InstanceSpec): void {
  if (typeof spec !== 'object' || spec === null) fail('spec', 'must be an object');
  validateIdentity(spec);
  oneOf(spec.virtType, ['qemu', 'kvm'] as const, 'virtType');
  validateFlavor(spec.flavor);
  validateDisks(spec);
  validateDevices(spec);
}
