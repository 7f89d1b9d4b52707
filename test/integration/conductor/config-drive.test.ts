// `config_drive` on server create: absent keeps strato's default (a drive), false
// sends the agent a spawn without one (the guest then reads the metadata service),
// and the server says which it has; the choice survives as the record's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Env, startEnv, uploadImage, waitServer } from './helpers.ts';

describe('conductor: config_drive on server create', () => {
  let env: Env;
  before(async () => {
    env = await startEnv(['cd-1']);
    await env.startAgent('cd-1');
    await uploadImage(env.admin, env.dir, 'img', true, 16);
    await env.admin.flavors.CreateFlavor({ name: 'small', vcpus: 1, ramMib: 64, diskGib: 1 });
  });
  after(async () => {
    await env?.close();
  });

  const specOf = (id: string) => env.agents.map((a) => a.instances.get(id)?.spec).find(Boolean);

  it('gives a config drive unless the create says config_drive false', async () => {
    const plain = await env.admin.servers.CreateServer({ name: 'with-drive', image: 'img', flavor: 'small' });
    const bare = await env.admin.servers.CreateServer({
      name: 'without-drive',
      image: 'img',
      flavor: 'small',
      configDrive: false,
    });
    assert.equal(plain.configDrive, true);
    assert.equal(bare.configDrive, false);
    await waitServer(env.admin, plain.id, (x) => x.vmState === 'ACTIVE', 20_000);
    await waitServer(env.admin, bare.id, (x) => x.vmState === 'ACTIVE', 20_000);
    assert.notEqual(specOf(plain.id)?.noConfigDrive, true, 'the default spawn asks for a drive');
    assert.equal(specOf(bare.id)?.noConfigDrive, true, 'config_drive false reaches the agent');
    assert.equal((await env.admin.servers.GetServer({ server: bare.id })).configDrive, false);
    const explicit = await env.admin.servers.CreateServer({
      name: 'explicit',
      image: 'img',
      flavor: 'small',
      configDrive: true,
    });
    assert.equal(explicit.configDrive, true);
  });
});
