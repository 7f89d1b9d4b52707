// Two simulated hypervisor hosts whose libvirtds are migration peers (TLS on their
// underlay addresses, test/harness/sim-host-tls.ts), and a real strato-agent for each,
// driven as the conductor would drive a move. The agents run in the root namespace
// and reach their host's libvirtd through its socket (the paths under /tmp are the
// same in every mount namespace); each has its own state directory, so instance paths
// differ between the hosts as on real ones. Images come from a Registry stub.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeCert, makeTestPki } from '../../harness/certs.ts';
import { removeScratchDir, scratchDir } from '../../harness/scratch-dir.ts';
import { type SimCluster, type SimHost, startSimHosts } from '../../harness/sim-hosts.ts';
import { testImage } from '../../harness/test-image.ts';
import { type AgentApi, type AgentProcess, agentApi, startAgentProcess } from '../agent/agent-harness.ts';
import { RegistryStub, type StubImage, stubImage } from '../agent/registry-stub.ts';

export interface LabHost {
  /** The agent's host id (its certificate: 127.0.0.1 and the underlay IP). */
  id: string;
  sim: SimHost;
  stateDir: string;
  agent: AgentProcess;
  api: AgentApi;
}

export interface MigrationLab {
  dir: string;
  tlsDir: string;
  cluster: SimCluster;
  image: StubImage;
  stub: RegistryStub;
  hosts: [LabHost, LabHost];
  /** With `storage`: a third simulated host running its own tgtd (no agent), the volumes' portal. */
  storage?: SimHost;
  /** A SpawnInstanceRequest for the test image: 256 MiB, 1 GiB disk, this user data. */
  spawnRequest(instanceId: string, userData?: string): Record<string, unknown>;
  consoleLines(host: LabHost, instanceId: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function openMigrationLab(o: { storage?: boolean } = {}): Promise<MigrationLab> {
  const disk = (await testImage()).disk;
  const dir = await scratchDir('strato-mig-', { traversable: true });
  const tlsDir = join(dir, 'tls');
  let cluster: SimCluster | undefined;
  const image = await stubImage(randomUUID(), disk);
  const stub = new RegistryStub(image);
  const agents: AgentProcess[] = [];
  const close = async (): Promise<void> => {
    for (const a of agents) {
      a.child.kill('SIGTERM');
      await a.exited;
    }
    await cluster?.teardown();
    await stub.stop();
    await removeScratchDir(dir);
  };
  try {
    await makeTestPki(tlsDir);
    cluster = await startSimHosts({
      count: o.storage ? 3 : 2,
      libvirtTls: { tlsDir },
      ...(o.storage ? { storageHosts: [2] } : {}),
    });
    await stub.start({
      caFile: join(tlsDir, 'ca.crt'),
      certFile: join(tlsDir, 'conductor.crt'),
      keyFile: join(tlsDir, 'conductor.key'),
    });
    const tag = randomBytes(3).toString('hex');
    const hosts: LabHost[] = [];
    for (const [n, sim] of cluster.hosts.slice(0, 2).entries()) {
      const id = `mig-${tag}-${n}`;
      await makeCert(tlsDir, id, ['127.0.0.1', sim.underlayIp]);
      const stateDir = join(dir, id);
      const agent = await startAgentProcess({
        hostId: id,
        stateDir,
        tlsDir,
        conductor: `127.0.0.1:${stub.port}`,
        logFile: join(dir, `agent-${n}.log`),
        extraArgs: [
          ...['--libvirt-socket', sim.libvirtSocket, '--migration-address', sim.underlayIp],
          ...['--metrics-listen', 'off', '--disk-reserve-mib', '16', '--acpi-timeout-s', '5'],
        ],
      });
      agents.push(agent);
      hosts.push({ id, sim, stateDir, agent, api: await agentApi(agent.port, tlsDir) });
    }
    return {
      dir,
      tlsDir,
      cluster,
      image,
      stub,
      hosts: [hosts[0]!, hosts[1]!],
      ...(o.storage ? { storage: cluster.hosts[2]! } : {}),
      spawnRequest(instanceId, userData = '') {
        if (!stub.expected.includes(instanceId)) stub.expected.push(instanceId);
        return {
          instanceId,
          name: `mig-${instanceId.slice(0, 8)}`,
          projectId: 'p-mig-it',
          flavor: { name: 'm1.tiny', vcpus: 1, ramMib: 256, diskGib: 1 },
          image: { id: image.id, sha256: image.sha256, sizeBytes: String(image.sizeBytes), diskFormat: 'qcow2' },
          userData: Buffer.from(userData),
          metadata: {},
          networkDataJson: '',
          publicKeys: [],
        };
      },
      async consoleLines(host, instanceId) {
        const text = await readFile(join(host.stateDir, 'instances', instanceId, 'console.log'), 'utf8').catch(
          () => '',
        );
        return text.split(/\r?\n/);
      },
      close,
    };
  } catch (err) {
    await close().catch(() => {});
    throw err;
  }
}
