// Where flavors live in the store. Flavors are global (no project) and their
// names unique, enforced by creating the name key in the same transaction.
//
//   /flavors/<id>             FlavorRecord
//   /flavor-names/<name>      { id }     also the listing order (by name)

export const FLAVORS = '/flavors/';
export const FLAVOR_NAMES = '/flavor-names/';

export const flavorKey = (id: string): string => FLAVORS + id;
export const flavorNameKey = (name: string): string => FLAVOR_NAMES + name;

export interface FlavorNameIndex {
  id: string;
}
