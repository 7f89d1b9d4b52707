// Which guest disk target a volume may take, by the rule every backend applies to a
// hot-plug: a target held by another disk is refused, and so is this volume at
// another target; the volume already at its target is there (success, nothing to do).
import { failedPrecondition } from '../../common/errors.ts';
import type { VolumeSpec } from './instance-spec.ts';

/** A disk of a domain as the rule sees it; `serial` is a volume's id (none for the overlay or config drive). */
export interface DiskSlot {
  target: string;
  serial?: string;
}

/**
 * True when `volume` is still missing from `disks` (one half of a domain: the running
 * guest, or its definition). Throws FAILED_PRECONDITION DEVICE_IN_USE or
 * VOLUME_ATTACHED_ELSEWHERE, naming `domain`.
 */
export function volumeMissing(disks: readonly DiskSlot[], volume: VolumeSpec, domain: string): boolean {
  const atTarget = disks.find((d) => d.target === volume.target);
  if (atTarget !== undefined && atTarget.serial !== volume.id) {
    const holder = atTarget.serial === undefined ? 'another disk' : `volume ${atTarget.serial}`;
    throw failedPrecondition('DEVICE_IN_USE', `${volume.target} of ${domain} holds ${holder}`, {
      details: { device: volume.target },
    });
  }
  const elsewhere = disks.find((d) => d.serial === volume.id && d.target !== volume.target);
  if (elsewhere !== undefined) {
    throw failedPrecondition(
      'VOLUME_ATTACHED_ELSEWHERE',
      `volume ${volume.id} is attached to ${domain} as ${elsewhere.target}, not ${volume.target}`,
      { details: { device: elsewhere.target } },
    );
  }
  return atTarget === undefined;
}
