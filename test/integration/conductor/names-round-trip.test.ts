// Names are almost anything printable (conductor/naming/names.ts), so they must
// be safe everywhere they go: images, flavors, networks, security groups,
// volumes, key pairs and servers named with markup, quotes, shell syntax,
// path traversal and other scripts are read back identical (by name and by
// id, in listings too), through the real conductor with fake agents (a storage
// host whose backend and iSCSI target are real, tgt-lab.ts). Each server's
// spawn request, as the agent received it, becomes domain XML that libvirt's
// own schema accepts (virt-xml-validate) and that carries the name back
// unchanged, and a config drive whose meta_data.json does too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { instancePaths } from '../../../agent/compute/instance-paths.ts';
import { instanceSpecFor } from '../../../agent/compute/spawn-request.ts';
import { configDriveTree } from '../../../agent/config-drive/config-drive-tree.ts';
import { parseDomainMetadata } from '../../../agent/hypervisor/libvirt/domain-metadata.ts';
import { buildDomainXml } from '../../../agent/hypervisor/libvirt/domain-xml.ts';
import { spawnRequestFromProto } from '../../../agent/server/from-proto.ts';
import { waitFor } from '../../harness/wait.ts';
import { virtXmlValidate } from '../../unit/domain-xml/virt-xml-validate.ts';
import { TgtLab } from '../storage/tgt-lab.ts';
import { type Env, settled, startEnv, uploadImage, waitServer } from './helpers.ts';

/** What users may name things: each is a valid name, none is safe to paste into a shell, a path or markup. */
const NAMES = [`<a&b>'"`, '$(id);|`x`', '../../etc/passwd', 'données-ünïcødé', 'サーバー', '😀\\%*?{}[]#!~'];

describe('conductor: names with markup, shell syntax and other scripts round-trip', () => {
  let env: Env;
  let lab: TgtLab;
  const serverIds = new Map<string, string>();

  before(async () => {
    lab = await new TgtLab().open();
    env = await startEnv(['nm-st', 'nm-hv']);
    await env.startAgent('nm-st', {
      underlayIp: lab.targetIp,
      storage: { tgtadm: lab.tgtadm, portal: { address: lab.targetIp, port: 3260 }, netns: lab.targetNs },
    });
    await env.startAgent('nm-hv', { underlayIp: lab.initiatorIp });
    await uploadImage(env.admin, env.dir, 'nm-img', true);
  });
  after(async () => {
    await env?.close();
    await lab?.close();
  });

  it('keeps every such name, by name, by id and in listings', async () => {
    const a = env.admin;
    for (const [i, name] of NAMES.entries()) {
      const what = JSON.stringify(name);
      const image = await a.images.CreateImage({ name, diskFormat: 'qcow2' });
      assert.equal((await a.images.GetImage({ image: name })).name, name, `image ${what}`);
      assert.equal((await a.images.GetImage({ image: image.id })).name, name);

      const flavor = await a.flavors.CreateFlavor({ name, vcpus: 1, ramMib: 64, diskGib: 1 });
      assert.equal((await a.flavors.GetFlavor({ flavor: name })).id, flavor.id, `flavor ${what}`);

      const network = await a.networks.CreateNetwork({ name, providerType: 'vxlan' });
      assert.equal((await a.networks.GetNetwork({ network: name })).id, network.id, `network ${what}`);
      const subnet = await a.subnets.CreateSubnet({ name, network: name, cidr: `10.80.${i}.0/24` });
      assert.equal((await a.subnets.GetSubnet({ subnet: subnet.id })).name, name);

      const group = await a.securityGroups.CreateSecurityGroup({ name, description: name });
      const g = await a.securityGroups.GetSecurityGroup({ securityGroup: name });
      assert.deepEqual([g.id, g.name, g.description], [group.id, name, name], `security group ${what}`);

      const volume = await a.volumes.CreateVolume({ name, description: name, sizeGib: 1 });
      const v = await waitFor(
        () => a.volumes.GetVolume({ volume: name }),
        (x) => x.status !== 'creating',
        {
          what: `volume ${what}`,
          timeoutMs: 30_000,
          intervalMs: 50,
        },
      );
      assert.deepEqual([v.id, v.name, v.description, v.status], [volume.id, name, name, 'available']);

      const kp = await a.keyPairs.CreateKeyPair({ name });
      assert.equal((await a.keyPairs.GetKeyPair({ keyPair: name })).name, name, `key pair ${what}`);
      assert.equal(kp.keyPair?.name, name);

      const server = await a.servers.CreateServer({
        name,
        image: 'nm-img',
        flavor: name,
        metadata: { [name]: name },
        networks: [{ network: name }],
        keyName: name,
      });
      serverIds.set(name, server.id);
      const s = await waitServer(a, name, settled, 60_000);
      assert.equal(s.vmState, 'ACTIVE', `server ${what}: ${s.fault?.message}`);
      assert.deepEqual([s.id, s.name, s.metadata], [server.id, name, { [name]: name }]);
    }
    const listed = (await a.servers.ListServers({ pageSize: 0, pageToken: '', allProjects: false })).servers;
    assert.deepEqual(listed.map((s) => s.name).sort(), [...NAMES].sort());
    const volumes = (await a.volumes.ListVolumes({ pageSize: 0, pageToken: '', allProjects: false })).volumes;
    assert.deepEqual(volumes.map((v) => v.name).sort(), [...NAMES].sort());
  });

  it("turns each server's spawn request into valid domain XML and a config drive that carry the name unchanged", async () => {
    assert.equal(serverIds.size, NAMES.length, 'the servers of the first test');
    for (const [name, id] of serverIds) {
      // The storage host computes too: the server is on one of them.
      const instance = env.agents.map((agent) => agent.instances.get(id)).find((x) => x !== undefined);
      assert.ok(instance, `server ${JSON.stringify(name)} on a host`);
      const req = spawnRequestFromProto(instance.spec);
      assert.equal(req.name, name);
      const spec = instanceSpecFor(req, {
        paths: instancePaths('/var/lib/strato', id),
        basePath: '/var/lib/strato/images/base',
        virtType: 'qemu',
        createdAt: new Date().toISOString(),
      });
      const xml = buildDomainXml(spec);
      const check = await virtXmlValidate(xml);
      assert.ok(check, 'virt-xml-validate is installed (scripts/setup-host)');
      assert.ok(check.ok, `${JSON.stringify(name)}: ${check.output}\n${xml}`);
      assert.equal(parseDomainMetadata(xml)?.name, name);
      const files = configDriveTree({ ...req, availabilityZone: 'nova' });
      const meta = files.find((f) => f.path.endsWith('meta_data.json'));
      assert.ok(meta, 'meta_data.json on the config drive');
      const parsed = JSON.parse(meta.content.toString('utf8')) as { name: string; meta: Record<string, string> };
      assert.equal(parsed.name, name);
      assert.deepEqual(parsed.meta, { [name]: name });
      // The guest's host name is an RFC 1123 label whatever the name holds.
      const hostname = JSON.parse(meta.content.toString('utf8')).hostname as string;
      assert.match(hostname, /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
      assert.ok(!join('/x', hostname).includes('..'));
    }
  });
});
