// What the hypervisor conformance suite needs from a backend, and the small tools its
// tests share. The suite drives only the Hypervisor interface; a subject adds what the
// interface cannot give a test by itself: a spec that boots, a NIC whose host tap
// exists, a way to tell that the guest's OS is up, and a look at the files the
// hypervisor keeps about an instance (its logs).
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { Hypervisor, HypervisorEvent } from '../../../agent/hypervisor/hypervisor.ts';
import type { InstanceSpec, PortSpec, VolumeSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { volumeSecretUsage } from '../../../agent/hypervisor/volume-secret.ts';
import { type ErrorCode, isStratoError } from '../../../common/errors.ts';

/** A volume a subject's guests can reach over iSCSI with CHAP. */
export interface SubjectVolume {
  /** Its disk at `vdc` (tests move it with `{ ...spec, target }`). */
  spec: VolumeSpec;
  /** The CHAP password its target wants. */
  chapSecret: string;
  sizeBytes: number;
}

export interface HypervisorSubject {
  hv: Hypervisor;
  /** A definable spec for `id` that boots a guest when started, with whatever files it needs. */
  spec(id: string): Promise<InstanceSpec>;
  /** An `ethernet` NIC whose host tap exists (a running guest's hot-plug opens it). */
  port(): Promise<PortSpec>;
  /** Resolves once the guest's OS runs (it answers the ACPI button and releases unplugged NICs). */
  guestUp(id: string): Promise<void>;
  /** Whether the hypervisor keeps files about `id` that outlive its definition (its logs). */
  hasLogs(id: string): Promise<boolean>;
  /** The directory `spec` puts the guests' files under (what loggedInstances is asked about). */
  filesDir: string;
  /** A new volume exported to this host (libvirt: a private tgtd; the fake: its pretend target). */
  volume(): Promise<SubjectVolume>;
  /** The storage host grows the volume's LUN (AgentStorage.ExtendVolume). */
  growVolume(v: SubjectVolume, sizeBytes: number): Promise<void>;
  /** Removes every domain, file and tap the subject made. */
  close(): Promise<void>;
}

export type SubjectFactory = () => Promise<HypervisorSubject>;

/** The subject of the running suite (opened once per file, in `before`). */
export interface SuiteContext {
  readonly s: HypervisorSubject;
}

/**
 * A fresh instance id whose domain the test removes when it ends, pass or fail
 * (destroy, undefine and the hypervisor's logs, each "already gone" being success).
 */
export function freshId(t: TestContext, s: HypervisorSubject): string {
  const id = randomUUID();
  t.after(async () => {
    await s.hv.destroy(id);
    await s.hv.undefine(id);
    await s.hv.removeLogs(id);
  });
  return id;
}

/** A spec for `id` with the subject's disk and console, the rest fixed. */
export function conformanceSpec(id: string, files: Pick<InstanceSpec, 'rootDisk' | 'consoleLogPath'>): InstanceSpec {
  return {
    id,
    name: 'conformance',
    projectId: 'p',
    imageId: 'img',
    createdAt: '2026-01-01T00:00:00Z',
    virtType: 'qemu',
    flavor: { name: 'm1.tiny', vcpus: 1, ramMiB: 128, diskGiB: 1 },
    ports: [],
    volumes: [],
    ...files,
  };
}

/** A port for a definition only: its tap need not exist until the guest runs. */
export function definitionPort(): PortSpec {
  const hex = randomBytes(4).toString('hex');
  return {
    id: randomUUID(),
    mac: `fa:16:3e:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`,
    networkId: randomUUID(),
    tap: `tapd${hex}`,
    bridge: `brqd${hex}`,
    mode: 'ethernet',
  };
}

export async function rejectsWith(p: Promise<unknown>, code: ErrorCode, what: string): Promise<void> {
  await assert.rejects(p, (e) => isStratoError(e, code), `${what}: expected ${code}`);
}

/**
 * Every event the hypervisor pushes for one instance, from the moment it is made.
 * `next(pattern)` waits for the first not yet consumed event matching `pattern`, and
 * consumes everything up to it: successive calls assert the events' order while
 * tolerating others in between (libvirt adds some, e.g. resumed/unpaused on a boot).
 */
export class EventLog {
  readonly seen: string[] = [];
  private cursor = 0;
  private wake: (() => void) | undefined;
  private readonly hv: Hypervisor;
  private readonly id: string;
  private readonly on = (ev: HypervisorEvent): void => {
    if (ev.instanceId !== this.id) return;
    this.seen.push(ev.event);
    this.wake?.();
  };

  constructor(hv: Hypervisor, id: string) {
    this.hv = hv;
    this.id = id;
    hv.on('event', this.on);
  }

  async next(pattern: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.seen.findIndex((e, k) => k >= this.cursor && pattern.test(e));
      if (i >= 0) {
        this.cursor = i + 1;
        return this.seen[i]!;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no event ${pattern} for ${this.id} within ${timeoutMs} ms; seen: ${this.seen.join(', ')}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  close(): void {
    this.hv.off('event', this.on);
  }
}

/** An EventLog closed when the test ends. */
export function eventLog(t: TestContext, hv: Hypervisor, id: string): EventLog {
  const log = new EventLog(hv, id);
  t.after(() => log.close());
  return log;
}

/** An iSCSI volume disk from what a storage host's export says (as the agent builds one). */
export function volumeDisk(
  e: { volumeId: string; portal: string; targetIqn: string; lun: number; chapUser: string; initiatorName: string },
  target = 'vdc',
): VolumeSpec {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(e.portal);
  if (!m) throw new Error(`bad portal ${e.portal}`);
  return {
    id: e.volumeId,
    target,
    iscsi: {
      host: m[1]!,
      port: Number(m[2]),
      iqn: e.targetIqn,
      lun: e.lun,
      auth: { username: e.chapUser, secretUsage: volumeSecretUsage(e.volumeId) },
      initiator: e.initiatorName,
    },
  };
}

/** Removes the volume's secret when the test ends, pass or fail. */
export function cleanSecret(t: TestContext, s: HypervisorSubject, volumeId: string): void {
  t.after(() => s.hv.removeVolumeSecret(volumeId));
}
