// Checks of a server create request that need no store but more than one
// field or the catalog: pure, so the rules are table-tested. Each field's own
// format (name, user data, metadata, addresses) is the API edge's
// (conductor/api/schemas/servers.ts), with the bounds below. Bad input gets a
// precise error and changes nothing.
import { failedPrecondition, invalidArgument, StratoError } from '../../common/errors.ts';
import type { BootFlavor, BootImage } from './catalog.ts';

/** What the config drive carries as user data: Nova's limit, and the agent's (agent/config-drive). */
export const MAX_USER_DATA_BYTES = 65_535;
/** Nova's bounds of a server's metadata. */
export const MAX_METADATA_ITEMS = 128;
export const MAX_METADATA_KEY = 255;
export const MAX_METADATA_VALUE = 255;
/** Keeps a boot's port work (and the guest's PCI slots) bounded. */
export const MAX_NICS = 8;
const GIB = 1024 ** 3;

/** The image must be active and fit the flavor's root disk. */
export function checkImageFitsFlavor(image: BootImage, flavor: BootFlavor): void {
  if (image.status !== 'active') {
    throw failedPrecondition('IMAGE_NOT_ACTIVE', `image ${image.name} is ${image.status}, not active`, {
      details: { image: image.id, status: image.status },
    });
  }
  if (image.virtualSizeBytes > flavor.diskGib * GIB) {
    const need = Math.ceil(image.virtualSizeBytes / GIB);
    throw failedPrecondition(
      'IMAGE_TOO_LARGE_FOR_FLAVOR',
      `image ${image.name} has a virtual size of ${image.virtualSizeBytes} bytes (${need} GiB); flavor ${flavor.name} has a ${flavor.diskGib} GiB disk`,
      { details: { image: image.id, flavor: flavor.id } },
    );
  }
}

/** `--host` is for admins only. */
export function checkForceHost(host: string, isAdmin: boolean): string | undefined {
  if (host === '') return undefined;
  if (!isAdmin) {
    throw new StratoError(
      'PERMISSION_DENIED',
      'FORCE_HOST_NOT_ALLOWED',
      'only admins may place a server on a named host',
      {
        details: { host },
      },
    );
  }
  return host;
}

/** Where a server boots from (Nova's block device mapping, simplified to the root disk). */
export type BootSource =
  | { kind: 'image' }
  | { kind: 'volume'; ref: string; deleteOnTermination: boolean }
  | { kind: 'image-volume'; sizeGib: number; deleteOnTermination: boolean };

const bootSourceInvalid = (field: string, message: string) =>
  invalidArgument('BOOT_SOURCE_INVALID', message, { details: { field } });

/**
 * Exactly one of image and boot_volume; boot_from_image_volume_gib only with an
 * image; delete_volume_on_termination only with a volume to boot from.
 * Errors: INVALID_ARGUMENT/BOOT_SOURCE_INVALID naming the field.
 */
export function validateBootSource(r: {
  image: string;
  bootVolume: string;
  bootFromImageVolumeGib: number;
  deleteVolumeOnTermination: boolean;
}): BootSource {
  if (r.image !== '' && r.bootVolume !== '') {
    throw bootSourceInvalid('boot_volume', 'give image or boot_volume, not both');
  }
  if (r.bootVolume !== '') {
    if (r.bootFromImageVolumeGib !== 0) {
      throw bootSourceInvalid(
        'boot_from_image_volume_gib',
        'boot_from_image_volume_gib needs image (and no boot_volume)',
      );
    }
    return { kind: 'volume', ref: r.bootVolume, deleteOnTermination: r.deleteVolumeOnTermination };
  }
  if (r.image === '') {
    const field = r.bootFromImageVolumeGib !== 0 ? 'boot_from_image_volume_gib' : 'image';
    throw bootSourceInvalid(field, 'give image (an image id or name) or boot_volume');
  }
  if (r.bootFromImageVolumeGib !== 0) {
    return {
      kind: 'image-volume',
      sizeGib: r.bootFromImageVolumeGib,
      deleteOnTermination: r.deleteVolumeOnTermination,
    };
  }
  if (r.deleteVolumeOnTermination) {
    throw bootSourceInvalid(
      'delete_volume_on_termination',
      'delete_volume_on_termination needs a volume to boot from (boot_volume or boot_from_image_volume_gib)',
    );
  }
  return { kind: 'image' };
}
