// What a boot needs from the image and flavor registries, as plain data. The
// composition root adapts conductor/images and conductor/flavors to this, so
// compute does not depend on how they store things.
import type { Principal } from '../identity/model.ts';

export interface BootImage {
  id: string;
  name: string;
  projectId: string;
  public: boolean;
  /** queued | saving | active | killed */
  status: string;
  diskFormat: string;
  sha256: string;
  sizeBytes: number;
  virtualSizeBytes: number;
}

export interface BootFlavor {
  id: string;
  name: string;
  vcpus: number;
  ramMib: number;
  diskGib: number;
}

export interface Catalog {
  /** By id or name, as `principal` sees images. Errors: NOT_FOUND/IMAGE_NOT_FOUND (also another project's private image). */
  image(ref: string, principal: Principal): Promise<BootImage>;
  /** By id or name. Errors: NOT_FOUND/FLAVOR_NOT_FOUND. */
  flavor(ref: string): Promise<BootFlavor>;
}

/** The narrow parts of the image registry and flavor catalogue the adapter uses. */
export interface ImageLookup {
  get(principal: Principal, ref: unknown): Promise<BootImage>;
}
export interface FlavorLookup {
  get(ref: unknown): Promise<BootFlavor>;
}

export function catalogFrom(images: ImageLookup, flavors: FlavorLookup): Catalog {
  return {
    image: (ref, principal) => images.get(principal, ref),
    flavor: (ref) => flavors.get(ref),
  };
}
