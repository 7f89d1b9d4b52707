// A FAKE hypervisor host for test/harness/fake-agent.ts: what a real agent finds on its
// machine, made of fakes. The fake hypervisor and network driver pass their drivers'
// conformance suites; the state directory is real (the agent's instance files, image
// cache and network state are written there); disk tools write placeholders instead
// of running qemu-img and genisoimage; and each guest, when it starts, "prints" its
// name and the user data of its config drive to its serial console log, as the test
// image does. The host outlives an agent: a restarted agent on the same host finds
// the domains, files and network state the previous one left.
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnapshotTools } from '../../agent/compute/snapshot.ts';
import type { DiskTools } from '../../agent/compute/spawn.ts';
import { runTool } from '../../agent/images/run-tool.ts';
import type { ConfigDriveFile } from '../../agent/config-drive/config-drive-tree.ts';
import { FakeHypervisor } from '../../agent/hypervisor/fake/fake-hypervisor.ts';
import type { HypervisorEvent } from '../../agent/hypervisor/hypervisor.ts';
import { overlaySizeBytes } from '../../agent/images/overlay.ts';
import { FakeNetworkDriver } from '../../agent/network/fake/fake-network-driver.ts';
import type { SpawnInstanceRequest__Output } from '../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import { tapName } from '../../common/network-names.ts';

const USER_DATA = 'openstack/latest/user_data';

export class FakeHost {
  readonly hv = new FakeHypervisor();
  readonly network: FakeNetworkDriver;
  /** The agent's --state-dir. */
  readonly stateDir: string;
  /** What the conductor asked for each instance (SpawnInstance as received), for tests to inspect. */
  readonly spawnRequests = new Map<string, SpawnInstanceRequest__Output>();
  private readonly guest = (ev: HypervisorEvent): void => {
    if (ev.event.startsWith('started/')) void this.boot(ev.instanceId);
  };

  private constructor(stateDir: string, underlayIp: string | undefined, physicalBridges?: Record<string, number>) {
    this.stateDir = stateDir;
    // Its storage hosts are fakes too: every volume's target admits the login.
    this.hv.iscsi.acceptUnknownTargets = true;
    this.network = new FakeNetworkDriver({
      ...(underlayIp ? { underlayIp } : {}),
      ...(physicalBridges ? { physicalBridges } : {}),
    });
    this.hv.on('event', this.guest);
  }

  /** `physicalBridges`: the operator bridges (flat and external networks) the host has, with their MTU. */
  static async create(underlayIp?: string, physicalBridges?: Record<string, number>): Promise<FakeHost> {
    return new FakeHost(await mkdtemp(join(tmpdir(), 'strato-fake-host-')), underlayIp, physicalBridges);
  }

  /** Whether a link of that name exists: the taps the network driver made. */
  async linkExists(name: string): Promise<boolean> {
    return this.network.state.ports.some((p) => tapName(p.portId) === name);
  }

  /** qemu-img and the ISO writer, as placeholders; `delayMs` makes the overlay slow (a busy disk). */
  disks(delayMs: () => number): DiskTools {
    return {
      async createOverlay(_base, overlay) {
        await new Promise((r) => setTimeout(r, delayMs()));
        await writeFile(overlay, 'fake overlay');
      },
      overlaySize: overlaySizeBytes,
      async writeConfigDrive(files, iso) {
        await writeFile(
          iso,
          JSON.stringify(files.map((f) => ({ path: f.path, content: f.content.toString('base64') }))),
        );
      },
    };
  }

  /**
   * A snapshot's tools: the placeholder overlay is copied, then made into a real
   * qcow2 holding its bytes (qemu-img reading it as raw), because the conductor
   * inspects what it receives with qemu-img, as it would a real host's export.
   * `delayMs` makes the flatten slow (a big disk).
   */
  snapshotTools(delayMs: () => number = () => 0): SnapshotTools {
    return {
      copyOverlay: (src, dst) => copyFile(src, dst),
      async flatten(overlay, out) {
        await new Promise((r) => setTimeout(r, delayMs()));
        await runTool('qemu-img', ['convert', '-q', '-f', 'raw', '-O', 'qcow2', overlay, out], 'QEMU_IMG_FAILED');
      },
    };
  }

  /** The guest's boot: its console log (a new one per start, as append='off' gives) shows its user data. */
  private async boot(id: string): Promise<void> {
    const spec = this.hv.domains.get(id)?.spec;
    if (spec?.configDrive === undefined) return;
    try {
      const files = JSON.parse(await readFile(spec.configDrive.path, 'utf8')) as { path: string; content: string }[];
      const userData = files.find((f: Pick<ConfigDriveFile, 'path'>) => f.path === USER_DATA)?.content ?? '';
      const lines = [`fake console of ${spec.name}`, `user-data: ${Buffer.from(userData, 'base64').toString('utf8')}`];
      // Replaced whole (write, then rename), so a reader never sees it empty between
      // the truncation and the write as the guest starts again.
      const next = `${spec.consoleLogPath}.next`;
      await writeFile(next, `${lines.join('\n')}\n`);
      await rename(next, spec.consoleLogPath);
    } catch {
      // The instance went (or never had its files) before the guest got to print.
    }
  }

  /** Removes the host's files (its agent stopped for good). */
  async remove(): Promise<void> {
    this.hv.off('event', this.guest);
    await rm(this.stateDir, { recursive: true, force: true });
  }
}
