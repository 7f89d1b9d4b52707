// An instance in the middle of a boot, as stored, for the boot-workflow tests:
// placed on hv-1, spawning, with nothing else going on.
import type { InstanceRecord, Workflow } from '../../../conductor/compute/instance-record.ts';

export const bootWorkflow = (over: Partial<Workflow> = {}): Workflow => ({
  id: 'w',
  kind: 'boot',
  step: 'spawn',
  requestId: 'r',
  eventKey: '/instance-actions/x/1',
  excludeHosts: [],
  failures: [],
  ...over,
});

export const bootingRecord = (w: Workflow, over: Partial<InstanceRecord> = {}): InstanceRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'vm',
  projectId: 'p',
  userId: 'u',
  image: { id: 'i', sha256: 'a'.repeat(64), sizeBytes: 10, diskFormat: 'qcow2' },
  flavor: { id: 'f', name: 'small', vcpus: 1, ramMib: 256, diskGib: 1 },
  vmState: 'BUILD',
  taskState: 'spawning',
  powerState: 'NOSTATE',
  host: 'hv-1',
  createdAt: '',
  updatedAt: '',
  launchedAt: '',
  userData: Buffer.from('hi').toString('base64'),
  metadata: {},
  workflow: w,
  settledAtMs: 0,
  ...over,
});
