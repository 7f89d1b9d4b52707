// The flavor catalogue: anybody reads it, only admins change it.
import { randomUUID } from 'node:crypto';
import { alreadyExists } from '../../common/errors.ts';
import { type Logger, log as rootLog } from '../../common/log.ts';
import { requireAdmin } from '../identity/access.ts';
import type { Principal } from '../identity/model.ts';
import { resolveRef } from '../naming/resolve.ts';
import { getOrUndefined } from '../store/get-or-undefined.ts';
import { listPage, type Page, type PageRequest } from '../store/paging.ts';
import type { Store } from '../store/store.ts';
import { FLAVOR_NAMES, type FlavorNameIndex, flavorKey, flavorNameKey } from './keys.ts';
import type { FlavorInput, FlavorRecord } from './model.ts';

export interface FlavorCatalogOptions {
  store: Store;
  /** @default Date.now */
  clock?: () => number;
  log?: Logger;
}

export class FlavorCatalog {
  readonly store: Store;
  readonly clock: () => number;
  readonly log: Logger;

  constructor(o: FlavorCatalogOptions) {
    this.store = o.store;
    this.clock = o.clock ?? Date.now;
    this.log = (o.log ?? rootLog).child({ component: 'flavors' });
  }

  /** Errors: PERMISSION_DENIED; ALREADY_EXISTS/FLAVOR_EXISTS. */
  async create(principal: Principal, input: FlavorInput): Promise<FlavorRecord> {
    requireAdmin(principal, 'creating a flavor');
    // Each field's format was checked at the API edge (conductor/api/schemas/flavors.ts).
    const v = { name: input.name, vcpus: input.vcpus, ramMib: input.ramMib, diskGib: input.diskGib };
    const flavor: FlavorRecord = { id: randomUUID(), ...v, createdAt: new Date(this.clock()).toISOString() };
    const res = await this.store.txn(
      [],
      [
        { kind: 'create', key: flavorKey(flavor.id), value: flavor },
        { kind: 'create', key: flavorNameKey(flavor.name), value: { id: flavor.id } satisfies FlavorNameIndex },
      ],
    );
    if (!res.succeeded) {
      throw alreadyExists('FLAVOR_EXISTS', `flavor ${flavor.name} already exists`, { details: { name: flavor.name } });
    }
    this.log.info({ flavorId: flavor.id, ...v }, 'flavor created');
    return flavor;
  }

  async getById(id: string): Promise<FlavorRecord | undefined> {
    return (await getOrUndefined<FlavorRecord>(this.store, flavorKey(id)))?.value;
  }

  async findByName(name: string): Promise<FlavorRecord | undefined> {
    const ix = (await getOrUndefined<FlavorNameIndex>(this.store, flavorNameKey(name)))?.value;
    return ix ? this.getById(ix.id) : undefined;
  }

  /** By id or name. Errors: NOT_FOUND/FLAVOR_NOT_FOUND. */
  get(ref: unknown, field = 'flavor'): Promise<FlavorRecord> {
    return resolveRef(field, ref, {
      kind: 'flavor',
      byId: (id) => this.getById(id),
      byName: async (name) => {
        const f = await this.findByName(name);
        return f ? [f] : [];
      },
      idOf: (f) => f.id,
    });
  }

  /** In name order. */
  list(req: PageRequest): Promise<Page<FlavorRecord>> {
    return listPage<FlavorNameIndex, FlavorRecord>(this.store, FLAVOR_NAMES, req, (e) => this.getById(e.value.id));
  }

  /** Errors: PERMISSION_DENIED; NOT_FOUND. Instances keep the copy they were booted with. */
  async delete(principal: Principal, ref: unknown): Promise<void> {
    requireAdmin(principal, 'deleting a flavor');
    const flavor = await this.get(ref);
    await this.store.txn(
      [],
      [
        { kind: 'delete', key: flavorKey(flavor.id) },
        { kind: 'delete', key: flavorNameKey(flavor.name) },
      ],
    );
    this.log.info({ flavorId: flavor.id, name: flavor.name }, 'flavor deleted');
  }
}

export function createFlavorCatalog(o: FlavorCatalogOptions): FlavorCatalog {
  return new FlavorCatalog(o);
}
