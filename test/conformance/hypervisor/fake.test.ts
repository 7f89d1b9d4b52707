// Runs the Hypervisor conformance suite against the fake (memory only).
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { hypervisorConformance } from './hypervisor-suite.ts';
import { conformanceSpec, definitionPort } from './suite-helpers.ts';

hypervisorConformance('fake', async () => {
  const hv = new FakeHypervisor();
  return {
    hv,
    spec: async (id) =>
      conformanceSpec(id, {
        rootDisk: { path: `/nonexistent/${id}/disk.qcow2` },
        consoleLogPath: `/nonexistent/${id}/console.log`,
      }),
    // The fake opens no tap: any port will do.
    port: async () => definitionPort(),
    guestUp: async () => {},
    hasLogs: async (id) => hv.logs.has(id),
    close: async () => {
      for (const id of hv.domains.keys()) {
        await hv.destroy(id);
        await hv.undefine(id);
      }
      await hv.close();
    },
  };
});
