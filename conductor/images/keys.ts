// Where images live in the store.
//
//   /images/<id>                  ImageRecord
//   /image-names/<name> <id>      ImageNameIndex (id, owner, public)
//
// Image names are not unique (as in Glance), so the name index holds one key per
// image. The separator is a space: it sorts below every character a name may
// contain, so a listing of the index is in name order ("a" before "a-b"), and
// `/image-names/<name> ` lists exactly the images with that name. The index carries
// the owner and the public flag (both immutable) so a listing can filter by
// visibility without reading every record.

export const IMAGES = '/images/';
export const IMAGE_NAMES = '/image-names/';

export const imageKey = (id: string): string => IMAGES + id;
export const imageNamePrefix = (name: string): string => `${IMAGE_NAMES}${name} `;
export const imageNameKey = (name: string, id: string): string => imageNamePrefix(name) + id;

export interface ImageNameIndex {
  id: string;
  projectId: string;
  public: boolean;
}
