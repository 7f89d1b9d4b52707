// The record a server create writes: pure, from what the create resolved (image,
// flavor, NICs, key pair) — the boot workflow's first step follows from it (ports
// first when the server has NICs, then its root volume, then scheduling).
import type { Principal } from '../identity/model.ts';
import type { BootFlavor, BootImage } from './catalog.ts';
import type { InstanceRecord, KeyPairCopy } from './instance-record.ts';
import type { InstanceNic } from './nics.ts';
import type { InstanceVolume } from './volumes.ts';
import { newWorkflow } from './workflow.ts';

/** The image of a server booted from an existing volume (Server.image_id ''). */
const NO_IMAGE = { id: '', sha256: '', sizeBytes: 0, diskFormat: '' };

export interface NewInstance {
  id: string;
  name: string;
  owner: Pick<Principal, 'projectId' | 'userId'>;
  /** Absent for a server booted from an existing volume. */
  image: BootImage | undefined;
  flavor: BootFlavor;
  userData: Buffer;
  metadata: Record<string, string>;
  nics: InstanceNic[];
  keyPair: KeyPairCopy | undefined;
  /** false: the guest gets no config drive. */
  configDrive: boolean;
  /** The root disk is a volume (existing or made from the image). */
  volumeBacked: boolean;
  forceHost: string | undefined;
  requestId: string;
  eventKey: string;
  nowMs: number;
}

/** The BUILD record of a new server with `volumes` (its root volume first, when volume-backed). */
export function newInstanceRecord(n: NewInstance, volumes: InstanceVolume[]): InstanceRecord {
  const now = new Date(n.nowMs).toISOString();
  const hasNics = n.nics.length > 0;
  const firstTask = hasNics ? 'networking' : n.volumeBacked ? 'block-device-mapping' : 'scheduling';
  const firstStep = hasNics ? 'ports' : n.volumeBacked ? 'block-device' : 'schedule';
  const { image } = n;
  return {
    id: n.id,
    name: n.name,
    projectId: n.owner.projectId,
    userId: n.owner.userId,
    image: image
      ? { id: image.id, sha256: image.sha256, sizeBytes: image.sizeBytes, diskFormat: image.diskFormat }
      : { ...NO_IMAGE },
    flavor: { ...n.flavor },
    vmState: 'BUILD',
    taskState: firstTask,
    powerState: 'NOSTATE',
    host: '',
    createdAt: now,
    updatedAt: now,
    launchedAt: '',
    userData: n.userData.toString('base64'),
    metadata: n.metadata,
    ...(hasNics ? { nics: n.nics } : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
    ...(n.keyPair ? { keyPair: n.keyPair } : {}),
    ...(n.configDrive ? {} : { noConfigDrive: true }),
    workflow: newWorkflow('boot', firstStep, n.requestId, n.eventKey, n.forceHost ? { forceHost: n.forceHost } : {}),
    settledAtMs: n.nowMs,
  };
}
