// "The floor" for server create and delete: the same host work strato's agent does,
// done by one bash script with the stock tools (cp of the config drive tree,
// qemu-img, genisoimage, virsh define + start; virsh destroy + undefine + rm). Each
// step's time is read from bash's $EPOCHREALTIME, which costs no fork, so the
// script's own timing does not slow the floor down.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { configDriveTree } from '../../agent/config-drive/config-drive-tree.ts';
import { domainNameFor } from '../../agent/hypervisor/domain-name.ts';
import type { InstanceSpec } from '../../agent/hypervisor/instance-spec.ts';
import { buildDomainXml } from '../../agent/hypervisor/libvirt/domain-xml.ts';
import { run } from '../../test/harness/exec.ts';

/** Not `strato-…`: the agent on the same libvirtd must not take the floor's guest for one of its own. */
const FLOOR_PREFIX = 'bench-floor-';

export interface FloorGuest {
  readonly name: string;
  readonly dir: string;
  readonly consoleLog: string;
  readonly xmlFile: string;
  readonly templateDir: string;
}

export interface FloorSpec {
  /** Where the floor's guests live (QEMU must be able to traverse it). */
  workDir: string;
  /** The cached base image strato's agent boots from. */
  basePath: string;
  imageId: string;
  flavor: { name: string; vcpus: number; ramMiB: number; diskGiB: number };
  userData: Uint8Array;
}

/**
 * Writes the domain XML and the config drive's input files (inputs, not work: the
 * floor measures the tools, not XML generation). The guest directory is not created.
 */
export async function prepareFloorGuest(spec: FloorSpec): Promise<FloorGuest> {
  const id = randomUUID();
  const dir = join(spec.workDir, id);
  const templateDir = join(spec.workDir, `${id}.cd`);
  const xmlFile = join(spec.workDir, `${id}.xml`);
  const consoleLog = join(dir, 'console.log');
  const inst: InstanceSpec = {
    id,
    name: 'floor',
    projectId: 'bench',
    imageId: spec.imageId,
    createdAt: new Date().toISOString(),
    virtType: 'qemu',
    flavor: { ...spec.flavor },
    rootDisk: { path: join(dir, 'disk.qcow2'), backing: { path: spec.basePath, format: 'qcow2' } },
    configDrive: { path: join(dir, 'disk.config') },
    ports: [],
    volumes: [],
    consoleLogPath: consoleLog,
  };
  const name = `${FLOOR_PREFIX}${id.slice(0, 8)}`;
  const xml = buildDomainXml(inst).replace(`<name>${domainNameFor(id)}</name>`, `<name>${name}</name>`);
  if (!xml.includes(`<name>${name}</name>`)) throw new Error('could not rename the floor domain');
  await writeFile(xmlFile, xml);
  const files = configDriveTree({
    instanceId: id,
    name: 'floor',
    projectId: 'bench',
    availabilityZone: 'nova',
    metadata: {},
    userData: spec.userData,
    networkDataJson: JSON.stringify({ links: [], networks: [], services: [] }),
  });
  for (const f of files) {
    const target = join(templateDir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.content);
  }
  return { name, dir, consoleLog, xmlFile, templateDir };
}

const CREATE_SCRIPT = `set -euo pipefail
dir=$1 base=$2 size=$3 tpl=$4 xml=$5 name=$6 uri=$7
t0=$EPOCHREALTIME
mkdir -m 0755 "$dir"
qemu-img create -q -f qcow2 -F qcow2 -b "$base" "$dir/disk.qcow2" "$size"
t1=$EPOCHREALTIME
cp -r "$tpl" "$dir/.cd"
genisoimage -quiet -V config-2 -J -r -l -input-charset utf-8 -o "$dir/disk.config" "$dir/.cd"
rm -rf "$dir/.cd"
t2=$EPOCHREALTIME
virsh -q -c "$uri" define "$xml" >/dev/null
t3=$EPOCHREALTIME
virsh -q -c "$uri" start "$name" >/dev/null
t4=$EPOCHREALTIME
echo "$t0 $t1 $t2 $t3 $t4"
`;

const DELETE_SCRIPT = `set -euo pipefail
dir=$1 name=$2 uri=$3
virsh -q -c "$uri" destroy "$name" >/dev/null
virsh -q -c "$uri" undefine "$name" >/dev/null
rm -rf "$dir"
# libvirt's per-domain log goes too, as the agent's delete removes it.
rm -f "/var/log/libvirt/qemu/$name.log" "/var/log/libvirt/qemu/$name.log".*
`;

export interface FloorCreateTimes {
  overlayMs: number;
  configDriveMs: number;
  defineMs: number;
  startMs: number;
  /** Epoch ms at which `virsh start` returned. */
  runningAtMs: number;
}

export function libvirtUri(socket: string): string {
  return `qemu+unix:///system?socket=${socket}`;
}

export async function floorCreate(g: FloorGuest, basePath: string, sizeBytes: number, uri: string) {
  const { stdout } = await run('bash', [
    '-c',
    CREATE_SCRIPT,
    'floor',
    g.dir,
    basePath,
    String(sizeBytes),
    g.templateDir,
    g.xmlFile,
    g.name,
    uri,
  ]);
  const t = stdout
    .trim()
    .split(' ')
    .map((s) => Number(s) * 1000);
  if (t.length !== 5 || t.some((x) => !Number.isFinite(x))) throw new Error(`floor script printed ${stdout}`);
  const [t0, t1, t2, t3, t4] = t as [number, number, number, number, number];
  return {
    overlayMs: t1 - t0,
    configDriveMs: t2 - t1,
    defineMs: t3 - t2,
    startMs: t4 - t3,
    runningAtMs: t4,
  } satisfies FloorCreateTimes;
}

export async function floorDelete(g: FloorGuest, uri: string): Promise<void> {
  await run('bash', ['-c', DELETE_SCRIPT, 'floor', g.dir, g.name, uri]);
}

/** Best effort, for cleanup after a failure. */
export async function floorForget(g: FloorGuest, uri: string): Promise<void> {
  await run('virsh', ['-q', '-c', uri, 'destroy', g.name]).catch(() => {});
  await run('virsh', ['-q', '-c', uri, 'undefine', g.name]).catch(() => {});
  await run('bash', ['-c', 'rm -f "/var/log/libvirt/qemu/$1.log" "/var/log/libvirt/qemu/$1.log".*', 'forget', g.name]);
}
