// Runs the Hypervisor conformance suite against the fake (memory only).
import { randomUUID } from 'node:crypto';
import { FakeHypervisor } from '../../../agent/hypervisor/fake/fake-hypervisor.ts';
import { hypervisorConformance } from './hypervisor-suite.ts';
import { conformanceSpec, definitionPort, volumeDisk } from './suite-helpers.ts';

const INITIATOR = 'iqn.2026-01.io.strato:host:fake';

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
    filesDir: '/nonexistent',
    // A pretend storage host at a documentation address: the fake's guests "log in" to it.
    volume: async () => {
      const volumeId = randomUUID();
      const chapSecret = `chap-${randomUUID()}`;
      const sizeBytes = 16 * 1024 * 1024;
      const spec = volumeDisk({
        volumeId,
        portal: '192.0.2.10:3260',
        targetIqn: `iqn.2026-01.io.strato:${volumeId}`,
        lun: 1,
        chapUser: `strato-${volumeId}`,
        initiatorName: INITIATOR,
      });
      hv.iscsi.serve(spec, { chapUser: `strato-${volumeId}`, password: chapSecret, initiator: INITIATOR, sizeBytes });
      return { spec, chapSecret, sizeBytes };
    },
    growVolume: async (v, sizeBytes) => hv.iscsi.grow(v.spec, sizeBytes),
    close: async () => {
      for (const id of hv.domains.keys()) {
        await hv.destroy(id);
        await hv.undefine(id);
      }
      await hv.close();
    },
  };
});
