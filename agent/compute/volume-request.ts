// A volume as the conductor sends it (with a spawn or an attach) and the disk it
// becomes on this host: the edge of the hypervisor seam for volumes, where the request
// is checked once, before any side effect. Errors name the request's own fields
// (`volume.portal`, `boot_volume.device`, `volumes[1].chap_secret`), never the
// spec's, and never repeat a CHAP secret.
import { invalidArgument, isStratoError, type StratoError } from '../../common/errors.ts';
import { ROOT_DISK_TARGET, type VolumeSpec } from '../hypervisor/instance-spec.ts';
import { validateVolume } from '../hypervisor/instance-spec-validate.ts';
import { volumeSecretUsage } from '../hypervisor/volume-secret.ts';

export const INVALID_VOLUME_REASON = 'INVALID_VOLUME_SPEC';

/** strato.agent.v1.VolumeSpec as plain data. */
export interface VolumeAttachment {
  /** Lower-case UUID; also the disk's serial. */
  volumeId: string;
  /** Guest target: `vda` for a boot volume, `vdc` and up otherwise. */
  device: string;
  /** The storage host's portal, `address:port` (IPv6 in brackets; the port defaults to 3260). */
  portal: string;
  targetIqn: string;
  lun: number;
  chapUser: string;
  /** Goes into the hypervisor's secret only; never logged, never in an error. */
  chapSecret: string;
  /** The initiator name QEMU presents: this host's, which the target admits. */
  initiatorName: string;
  /** The volume's size when attached (informational). */
  sizeBytes: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PORTAL = /^(?:\[([0-9A-Fa-f:.]{2,45})\]|([A-Za-z0-9.-]{1,253}))(?::(\d{1,5}))?$/;
// What tgt accepts for a CHAP password (it travels inside tgtadm's `user=…,password=…`).
const CHAP_SECRET = /^[A-Za-z0-9_.~+/=-]{12,128}$/;

/** The spec's field (after `field.`) → the request's. */
const REQUEST_FIELDS: [spec: string, request: string][] = [
  ['id', 'volume_id'],
  ['target', 'device'],
  ['iscsi.host', 'portal'],
  ['iscsi.port', 'portal'],
  ['iscsi.iqn', 'target_iqn'],
  ['iscsi.lun', 'lun'],
  ['iscsi.auth.username', 'chap_user'],
  ['iscsi.auth.secretUsage', 'volume_id'],
  ['iscsi.initiator', 'initiator_name'],
];

function bad(field: string, message: string): StratoError {
  return invalidArgument(INVALID_VOLUME_REASON, `${field}: ${message}`, { details: { field } });
}

/** Throws INVALID_ARGUMENT (field `<field>.volume_id`) unless `volumeId` is a lower-case UUID. */
export function checkVolumeId(volumeId: string, field = 'volume_id'): void {
  if (!UUID.test(volumeId)) throw bad(field, 'must be a lower-case UUID');
}

function portalParts(portal: string, field: string): { host: string; port: number } {
  const m = PORTAL.exec(portal);
  const port = m?.[3] === undefined ? 3260 : Number(m[3]);
  if (!m || port < 1 || port > 65535) throw bad(`${field}.portal`, 'must be address:port (IPv6 in brackets)');
  return { host: m[1] ?? m[2]!, port };
}

/**
 * The disk for `a`, checked by the rules every backend trusts (instance-spec-validate.ts)
 * and the CHAP secret's alphabet. `root`: the root disk of a boot from volume (vda;
 * an empty device means vda). Throws INVALID_ARGUMENT (INVALID_VOLUME_SPEC) naming the
 * request's field under `field`.
 */
export function volumeSpecOf(a: VolumeAttachment, field = 'volume', root = false): VolumeSpec {
  if (!CHAP_SECRET.test(a.chapSecret)) {
    throw bad(`${field}.chap_secret`, 'must be 12 to 128 of A-Z a-z 0-9 _ . ~ + / = -');
  }
  const { host, port } = portalParts(a.portal, field);
  const spec: VolumeSpec = {
    id: a.volumeId,
    target: root && a.device === '' ? ROOT_DISK_TARGET : a.device,
    iscsi: {
      host,
      port,
      iqn: a.targetIqn,
      lun: a.lun,
      auth: { username: a.chapUser, secretUsage: volumeSecretUsage(a.volumeId) },
      initiator: a.initiatorName,
    },
  };
  try {
    validateVolume(spec, field, root);
  } catch (err) {
    if (!isStratoError(err) || typeof err.details.field !== 'string') throw err;
    const suffix = err.details.field.slice(field.length + 1);
    const request = REQUEST_FIELDS.find(([s]) => s === suffix)?.[1] ?? suffix;
    throw bad(`${field}.${request}`, err.message.slice(err.details.field.length + 2));
  }
  return spec;
}
