// TEST ONLY: what `strato-agent --fake-hypervisor` runs on instead of the host —
// the FAKE hypervisor and network driver (both pass their drivers' conformance
// suites) and disk tools that write placeholders instead of running qemu-img and
// genisoimage. Everything else is the real agent: its gRPC services, instance
// manager, image cache, state directory, registrar and reconciler, so benchmarks
// measure the daemon as shipped (bench/footprint, bench/heartbeat) without
// libvirtd, root or links. No guest runs; a "running" domain is a map entry.
import { writeFile } from 'node:fs/promises';
import type { DiskTools } from './compute/spawn.ts';
import { FakeHypervisor } from './hypervisor/fake/fake-hypervisor.ts';
import type { InstanceStats, InstanceStatsSource } from './hypervisor/instance-stats.ts';
import { overlaySizeBytes } from './images/overlay.ts';
import { FakeNetworkDriver } from './network/fake/fake-network-driver.ts';
import type { ApplyResult, DesiredHostNetwork, HostNetworkFacts } from './network/network-driver.ts';

/** The fake hypervisor as the agent's main wiring expects a hypervisor connection. */
export class FakeModeHypervisor extends FakeHypervisor implements InstanceStatsSource {
  /** There is no daemon to lose. */
  readonly connected = true;

  async instanceStats(): Promise<InstanceStats[]> {
    return [];
  }
}

/** The fake network driver without its test-only history: a daemon re-applies every resync, for days. */
export class FakeModeNetworkDriver extends FakeNetworkDriver {
  override async apply(desired: DesiredHostNetwork): Promise<ApplyResult> {
    const result = await super.apply(desired);
    this.history.length = 0;
    return result;
  }
}

export interface FakeModeDrivers {
  hv: FakeModeHypervisor;
  driver: FakeModeNetworkDriver;
  facts: HostNetworkFacts;
  disks: DiskTools;
}

/** The fake drivers; the underlay is the configured IP, or loopback. */
export function fakeModeDrivers(underlayIp: string | undefined): FakeModeDrivers {
  const facts: HostNetworkFacts = { underlayDevice: 'lo', underlayIp: underlayIp ?? '127.0.0.1' };
  return {
    hv: new FakeModeHypervisor(),
    driver: new FakeModeNetworkDriver({ underlayIp: facts.underlayIp }),
    facts,
    disks: {
      async createOverlay(_base, overlay) {
        await writeFile(overlay, 'fake overlay');
      },
      overlaySize: overlaySizeBytes,
      async writeConfigDrive(_files, iso) {
        await writeFile(iso, 'fake config drive');
      },
    },
  };
}
