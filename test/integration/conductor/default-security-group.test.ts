// Every project has its "default" security group from the moment it exists,
// so no call creates it on the side: a call that fails changes nothing (the
// store's revision and keys are compared around each failed call on the real
// conductor), and a store from before this rule gets the groups at start-up.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StratoError } from '../../../common/errors.ts';
import { createIdentity } from '../../../conductor/identity/identity.ts';
import { SqliteStore } from '../../../conductor/store/sqlite/sqlite-store.ts';
import { type ChildEnv, startChildEnv } from './child-env.ts';
import type { Api } from './helpers.ts';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => assert.fail('the call succeeded'),
    (e: unknown) => e as StratoError,
  );

describe('conductor: a project and its default security group', () => {
  let env: ChildEnv | undefined;
  let legacyProjectId = '';

  before(async () => {
    env = await startChildEnv({
      // A store written before projects came with their group: a project without one.
      async seed(dataDir) {
        const store = new SqliteStore({ path: join(dataDir, 'state.db') });
        try {
          legacyProjectId = (await createIdentity({ store }).createProject('legacy')).id;
        } finally {
          await store.close();
        }
      },
    });
  });
  after(() => env?.close());

  async function member(project: string): Promise<Api> {
    const a = env!.admin;
    await a.identity.CreateProject({ name: project });
    await a.identity.CreateUser({ name: `${project}-user`, password: `${project}-password`, project, role: 'member' });
    return env!.login(`${project}-user`, `${project}-password`);
  }

  async function defaultGroupOf(projectId: string) {
    const all = await env!.admin.securityGroups.ListSecurityGroups({ allProjects: true, pageSize: 1000 });
    return all.securityGroups.filter((g) => g.projectId === projectId && g.name === 'default');
  }

  it("writes a project's default group in the project's own transaction", async () => {
    const before = env!.revision();
    const p = await env!.admin.identity.CreateProject({ name: 'with-group' });
    assert.equal(env!.revision(), before + 1, 'one write: the project with its group');
    const groups = await defaultGroupOf(p.id);
    assert.equal(groups.length, 1);
    const rules = groups[0]!.rules.map(
      (r) => `${r.direction} ${r.remoteGroupId === groups[0]!.id ? 'self' : r.remoteIpPrefix}`,
    );
    assert.deepEqual(rules.sort(), ['egress 0.0.0.0/0', 'ingress self']);
  });

  it("changes nothing when a member's calls on the default group fail (or only read)", async () => {
    const m = await member('sg-fail');
    const keys = env!.keys();
    const revision = env!.revision();
    const rule = {
      securityGroup: 'default',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portRangeMin: 22,
      portRangeMax: 22,
    };
    const missing = await failure(m.securityGroups.CreateSecurityGroupRule({ ...rule, remoteGroup: 'no-such-group' }));
    assert.equal(`${missing.code}/${missing.reason}`, 'NOT_FOUND/SECURITY_GROUP_NOT_FOUND');
    const invalid = await failure(m.securityGroups.CreateSecurityGroupRule({ ...rule, protocol: 'sctp' }));
    assert.equal(invalid.code, 'INVALID_ARGUMENT');
    const dup = await failure(m.securityGroups.CreateSecurityGroup({ name: 'default', description: '' }));
    assert.equal(`${dup.code}/${dup.reason}`, 'ALREADY_EXISTS/SECURITY_GROUP_EXISTS');
    const del = await failure(m.securityGroups.DeleteSecurityGroup({ securityGroup: 'default' }));
    assert.equal(`${del.code}/${del.reason}`, 'FAILED_PRECONDITION/DEFAULT_SECURITY_GROUP');
    const listed = await m.securityGroups.ListSecurityGroups({});
    assert.deepEqual(
      listed.securityGroups.map((g) => g.name),
      ['default'],
    );
    assert.equal((await m.securityGroups.GetSecurityGroup({ securityGroup: 'default' })).name, 'default');
    assert.equal(env!.revision(), revision, 'the store moved');
    assert.deepEqual(env!.keys(), keys);
  });

  it('gives projects from an older store their default group at start-up', async () => {
    assert.ok(legacyProjectId);
    assert.equal((await defaultGroupOf(legacyProjectId)).length, 1);
  });
});
