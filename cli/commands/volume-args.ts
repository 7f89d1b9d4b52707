// Flag values and cells of the volume commands: a volume's device name, GiB
// from the bytes the API reports, and the one-line texts of attachments.
import { InvalidArgumentError } from 'commander';
import type { VolumeAttachment__Output } from '../../common/gen/strato/volume/v1/VolumeAttachment.ts';

const GiB = 1024 ** 3;

/**
 * `--device vdX`: what the hypervisor calls the disk, vdc … vdz (vda is the
 * root disk and vdb the config drive on every strato server). `/dev/vdX` is
 * taken as `vdX`, as Nova's client takes it.
 */
export function volumeDevice(value: string): string {
  const v = value.trim().replace(/^\/dev\//, '');
  if (!/^vd[c-z]$/.test(v)) {
    throw new InvalidArgumentError(
      `${JSON.stringify(value)} is not a volume device: vdc … vdz (vda is the root disk, vdb the config drive)`,
    );
  }
  return v;
}

/** A byte count (uint64 as a decimal string) in GiB with one decimal: "20.0". */
export function gib(bytes: string | number): string {
  return (Number(bytes) / GiB).toFixed(1);
}

/** `demo-1 on vdc` (the server's name, or its id when the API sent none). */
export function attachedTo(a: VolumeAttachment__Output): string {
  return `${a.serverName || a.serverId} on ${a.device || '(pending)'}`;
}

/** `server demo-1 (id) on vdc, boot, delete on termination` for `volume show`. */
export function attachmentText(a: VolumeAttachment__Output): string {
  const name = a.serverName ? `${a.serverName} (${a.serverId})` : a.serverId;
  const flags = [a.boot && 'boot', a.deleteOnTermination && 'delete on termination', !a.attachedAt && 'attaching'];
  return [`server ${name} on ${a.device || '(pending)'}`, ...flags.filter(Boolean)].join(', ');
}
