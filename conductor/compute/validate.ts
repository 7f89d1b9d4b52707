// Checks of a server create request that need no store: pure, so the rules are
// table-tested. Bad input gets a precise error and changes nothing.
import { echo, failedPrecondition, invalidArgument, StratoError } from '../../common/errors.ts';
import { hasControlChars, validateName } from '../naming/names.ts';
import { parseIp } from '../network/ipv4.ts';
import type { BootFlavor, BootImage } from './catalog.ts';

export const MAX_USER_DATA_BYTES = 64 * 1024;
export const MAX_METADATA_ITEMS = 128;
export const MAX_METADATA_KEY = 255;
export const MAX_METADATA_VALUE = 255;
const GIB = 1024 ** 3;

export function validateServerName(name: unknown): string {
  return validateName('name', name);
}

export function validateUserData(data: Uint8Array | undefined): Buffer {
  const buf = Buffer.from(data ?? new Uint8Array());
  if (buf.length > MAX_USER_DATA_BYTES) {
    throw invalidArgument(
      'USER_DATA_TOO_LARGE',
      `user data is ${buf.length} bytes; the limit is ${MAX_USER_DATA_BYTES} (64 KiB)`,
      { details: { field: 'user_data', bytes: String(buf.length) } },
    );
  }
  return buf;
}

/** '' or an IPv4 address, else INVALID_ARGUMENT/IP_ADDRESS_INVALID naming `field`. */
export function validateFixedIp(field: string, value: string): string {
  if (value !== '' && parseIp(value) === undefined) {
    throw invalidArgument('IP_ADDRESS_INVALID', `${field} ${echo(value)} is not an IPv4 address`, {
      details: { field },
    });
  }
  return value;
}

/** Metadata keys and values are labels: no control characters (their lengths: validateMetadata). */
export function validateMetadataChars(md: Record<string, string> | undefined): Record<string, string> {
  const bad = Object.entries(md ?? {})
    .flat()
    .find((text) => hasControlChars(text));
  if (bad !== undefined) {
    throw invalidArgument(
      'METADATA_INVALID',
      `metadata keys and values must not contain control characters: ${echo(bad)}`,
      {
        details: { field: 'metadata' },
      },
    );
  }
  return md ?? {};
}

export function validateMetadata(md: Record<string, string> | undefined): Record<string, string> {
  const entries = Object.entries(md ?? {});
  if (entries.length > MAX_METADATA_ITEMS) {
    throw invalidArgument('METADATA_INVALID', `at most ${MAX_METADATA_ITEMS} metadata items`, {
      details: { field: 'metadata' },
    });
  }
  for (const [k, v] of entries) {
    if (k.length === 0 || k.length > MAX_METADATA_KEY || v.length > MAX_METADATA_VALUE) {
      throw invalidArgument(
        'METADATA_INVALID',
        `metadata keys must be 1-${MAX_METADATA_KEY} characters and values at most ${MAX_METADATA_VALUE}: ${JSON.stringify(k.slice(0, 40))}`,
        { details: { field: 'metadata' } },
      );
    }
  }
  return Object.fromEntries(entries);
}

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
