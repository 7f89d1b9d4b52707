// Servers on an in-memory SQLite store with the real ComputeService and
// WorkflowDriver, a stub catalogue, a claimer that always places on hv-1 and a
// stub agent that always spawns: enough to create and purge servers through
// the code paths that count them against quotas.

import { notFound } from '../../../common/errors.ts';
import type { AgentApi, AgentDirectory } from '../../../conductor/agents/agent-api.ts';
import { ComputeService } from '../../../conductor/compute/compute-service.ts';
import { WorkflowDriver } from '../../../conductor/compute/workflow-driver.ts';
import type { Principal } from '../../../conductor/identity/model.ts';
import type { Quotas } from '../../../conductor/quotas/quotas.ts';
import type { Store } from '../../../conductor/store/store.ts';
import { quiet } from '../../harness/quiet-log.ts';

export const FLAVORS = {
  small: { id: 'f-small', name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 },
  big: { id: 'f-big', name: 'big', vcpus: 2, ramMib: 1024, diskGib: 1 },
};

export const IMAGE = {
  id: 'i',
  name: 'img',
  projectId: 'p',
  public: true,
  status: 'active',
  diskFormat: 'qcow2',
  sha256: 'a'.repeat(64),
  sizeBytes: 10,
  virtualSizeBytes: 1024 ** 3,
};

export function principal(projectId: string, role: 'member' | 'admin' = 'member'): Principal {
  return {
    userId: `u-${projectId}`,
    userName: `u-${projectId}`,
    projectId,
    projectName: projectId,
    role,
    tokenHash: '',
    expiresAtMs: 0,
  };
}

export function computeFixture(store: Store, quotas: Quotas) {
  const agent: AgentApi = {
    spawn: async (req) => ({ instanceId: req.instanceId ?? '', powerState: 'running', domainName: 'd' }),
    delete: async () => {},
    action: async () => ({ instanceId: '', powerState: 'running', domainName: 'd' }),
    consoleLog: async () => [],
  };
  const hosts = { get: async (id: string) => ({ id, address: '127.0.0.1:1' }) };
  const agents = { forHost: () => agent, close() {} } as AgentDirectory;
  const driver = new WorkflowDriver({
    store,
    claimer: {
      place: async () => ({ ok: true, placement: { hostId: 'hv-1', alternates: [] } }),
      release: async () => true,
    },
    hosts,
    agents,
    quotas,
    log: quiet,
  });
  const compute = new ComputeService({
    store,
    catalog: {
      image: async () => IMAGE,
      flavor: async (ref) => {
        const f = FLAVORS[ref as keyof typeof FLAVORS];
        if (!f) throw notFound('FLAVOR_NOT_FOUND', `flavor ${ref} not found`);
        return f;
      },
    },
    driver,
    hosts,
    agents,
    quotas,
    log: quiet,
  });
  return { compute, driver };
}
