// Servers with volumes, for the unit tests of attach, detach and boot from
// volume: the real ComputeService and WorkflowDriver over the volumes fixture
// (fixture.ts: real store, host registry and block storage, FAKE agents), with
// a FAKE compute agent (spawns succeed unless told otherwise) and a claimer
// stub that places on the one compute host. `restartCompute()` stops the
// workflow driver mid-flight and starts a new one, as a restarted conductor.
import type { StratoError } from '../../../common/errors.ts';
import type { SpawnInstanceRequest } from '../../../common/gen/strato/agent/v1/SpawnInstanceRequest.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import { ComputeService } from '../../../conductor/compute/compute-service.ts';
import type { InstanceRecord } from '../../../conductor/compute/instance-record.ts';
import { WorkflowDriver } from '../../../conductor/compute/workflow-driver.ts';
import type { PlacementRequest } from '../../../conductor/scheduler/types.ts';
import { serverVolumes } from '../../../conductor/volumes/server-volumes.ts';
import { alice, type Fixture, fixture, GiB, IMAGE, until } from './fixture.ts';

export const COMPUTE = 'hv-1';
export const COMPUTE_IP = '192.0.2.50';

export interface ServerFixture extends Fixture {
  compute: ComputeService;
  driver: WorkflowDriver;
  spawns: SpawnInstanceRequest[];
  placements: PlacementRequest[];
  deletes: string[];
  /** Every spawn fails with this while set. */
  failSpawn: StratoError | undefined;
  /** The flavor's disk (the image is 2 GiB virtual). @default 10 */
  flavorDiskGib: number;
  /** The next power actions fail with these, in order. */
  failActions: StratoError[];
  /** Every power action asked for. */
  actions: string[];
  /** A server booted from `image`, settled ACTIVE. */
  activeServer(name: string): Promise<InstanceRecord>;
  settledServer(id: string, timeoutMs?: number): Promise<InstanceRecord>;
  restartCompute(): Promise<void>;
}

export async function serverFixture(o: { volumeTimeoutMs?: number } = {}): Promise<ServerFixture> {
  const f = (await fixture({ timeoutMs: o.volumeTimeoutMs })) as ServerFixture;
  await f.storageHost('st-1', 100);
  await f.computeHost(COMPUTE, COMPUTE_IP);
  f.spawns = [];
  f.flavorDiskGib = 10;
  f.failActions = [];
  f.actions = [];
  f.placements = [];
  f.deletes = [];
  const agent: AgentApi = {
    spawn: async (req) => {
      f.spawns.push(req);
      if (f.failSpawn) throw f.failSpawn;
      return { instanceId: req.instanceId ?? '', powerState: 'running', domainName: '' };
    },
    delete: async (req) => {
      f.deletes.push(req.instanceId ?? '');
    },
    action: async (req) => {
      f.actions.push(req.action ?? '');
      const err = f.failActions.shift();
      if (err) throw err;
      const powerState = req.action === 'stop' ? 'shutdown' : 'running';
      return { instanceId: req.instanceId ?? '', powerState, domainName: '' };
    },
    consoleLog: async () => [],
  };
  const volumes = serverVolumes({ storage: f.bs, hosts: f.hosts, agents: f.agents, detachTimeoutS: 1 });
  const makeDriver = () =>
    new WorkflowDriver({
      store: f.store,
      claimer: {
        place: async (req) => {
          f.placements.push(req);
          return { ok: true, placement: { hostId: COMPUTE, alternates: [] } };
        },
        release: async () => true,
      },
      hosts: f.hosts,
      agents: { forHost: () => agent, close() {} } as AgentDirectory,
      volumes,
      volumeTimeoutMs: o.volumeTimeoutMs ?? 60_000,
    });
  f.driver = makeDriver();
  f.bs.bootVolumeSettled = (id) => f.driver.kick(id);
  f.compute = new ComputeService({
    store: f.store,
    catalog: {
      image: async () => ({ ...IMAGE, projectId: alice.projectId, public: true }),
      flavor: async () => ({ id: 'fl', name: 'tiny', vcpus: 1, ramMib: 256, diskGib: f.flavorDiskGib }),
    },
    driver: { kick: (id: string) => f.driver.kick(id) } as WorkflowDriver,
    hosts: f.hosts,
    agents: { forHost: () => agent, close() {} } as AgentDirectory,
    volumes,
  });
  f.settledServer = (id, timeoutMs = 5000) =>
    until(
      `server ${id} settles`,
      () => f.compute.get(id, alice),
      (s) => s.workflow === undefined,
      timeoutMs,
    );
  f.activeServer = async (name) => {
    const s = await f.compute.create({ name, image: IMAGE.id, flavor: 'tiny' }, alice, `create-${name}`);
    return f.settledServer(s.id);
  };
  f.restartCompute = async () => {
    await f.driver.close();
    f.driver = makeDriver();
    await f.driver.resumeAll();
  };
  const close = f.close;
  f.close = async () => {
    await f.driver.close();
    await close();
  };
  return f;
}

export { GiB };
