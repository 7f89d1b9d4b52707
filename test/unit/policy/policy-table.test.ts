// The policy table against the whole API surface, read from the protos the
// servers load (proto/strato/**): every RPC of every service the public port
// serves has exactly one rule, and no rule names an RPC that does not exist.
// A service is on the public port unless it is an agent's (strato.agent.v1,
// served by every agent to the conductor) or the agents' registry
// (strato.host.v1.Registry): a new public RPC without a policy fails here, and
// the conductor refuses to start serving it (assertPolicyCovers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PackageDefinition } from '@grpc/proto-loader';
import { loadProtoPackage } from '../../../common/proto.ts';
import { assertPolicyCovers } from '../../../conductor/api/call-policy.ts';
import { POLICY, ruleFor, uncovered } from '../../../conductor/policy/table.ts';

/** Not on the public port: the agents' own services and the registry agents call. */
const servedElsewhere = (service: string) =>
  service.startsWith('strato.agent.') || service === 'strato.host.v1.Registry';

function methodsOf(pkg: PackageDefinition): Array<{ service: string; path: string }> {
  const out: Array<{ service: string; path: string }> = [];
  for (const [name, def] of Object.entries(pkg)) {
    // Services are the definitions whose values are method definitions (with a path).
    const methods = Object.values(def as object).filter(
      (m): m is { path: string } => typeof (m as { path?: unknown })?.path === 'string',
    );
    for (const m of methods) out.push({ service: name, path: m.path });
  }
  return out;
}

describe('the policy table covers the public API', () => {
  it('finds the services in the protos (the walk reads what it judges)', async () => {
    const services = new Set(methodsOf(await loadProtoPackage()).map((m) => m.service));
    for (const s of ['strato.identity.v1.Identity', 'strato.compute.v1.Servers', 'strato.agent.v1.Agent']) {
      assert.ok(services.has(s), s);
    }
  });

  it('every RPC of every public service has a rule', async () => {
    const publicMethods = methodsOf(await loadProtoPackage())
      .filter((m) => !servedElsewhere(m.service))
      .map((m) => m.path);
    assert.ok(publicMethods.length >= 60, `${publicMethods.length} public RPCs`);
    assert.deepEqual(uncovered(publicMethods), [], 'add these to conductor/policy/table.ts');
  });

  it('every rule names an RPC that exists, on the public port', async () => {
    const all = methodsOf(await loadProtoPackage());
    const paths = new Set(all.map((m) => m.path));
    const stale = [...POLICY.keys()].filter((p) => !paths.has(p));
    assert.deepEqual(stale, [], 'rules for RPCs that no proto declares');
    const internal = all.filter((m) => servedElsewhere(m.service) && POLICY.has(m.path)).map((m) => m.path);
    assert.deepEqual(internal, [], 'the policy table is for the public port only');
  });

  it('is consistent: public only for Login, mutating RPCs are audited, reads never need more than member', () => {
    const publicRpcs = [...POLICY].filter(([, r]) => r.allow === 'public').map(([p]) => p);
    assert.deepEqual(publicRpcs, ['/strato.identity.v1.Identity/Login']);
    for (const [path, rule] of POLICY) {
      const verb = path.slice(path.lastIndexOf('/') + 1);
      // A verb that creates, changes or removes is audited; its name says so.
      if (/^(Create|Delete|Update|Extend|Add|Remove|Set|Upload|Server|Log|Revoke)/.test(verb)) {
        assert.equal(rule.mutates, true, `${path} changes state: it must be audited`);
      }
      if (/^(Get|List|WhoAmI)/.test(verb)) assert.equal(rule.mutates, false, `${path} only reads`);
      if (rule.mutates && rule.projectScoped) assert.equal(rule.allow, 'member', `${path}: writes need member`);
    }
    assert.equal(
      ruleFor('/strato.compute.v1.Servers/GetConsoleLog')?.allow,
      'member',
      'console output is not for readers',
    );
  });

  it('refuses to serve an RPC without a rule', () => {
    assert.doesNotThrow(() => assertPolicyCovers(['/strato.compute.v1.Servers/CreateServer']));
    assert.throws(
      () => assertPolicyCovers(['/strato.compute.v1.Servers/CreateServer', '/strato.compute.v1.Servers/Teleport']),
      /Teleport/,
    );
  });
});
