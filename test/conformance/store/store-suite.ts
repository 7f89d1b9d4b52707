// The Store conformance suite: every backend runs these tests unchanged. Only the
// Store interface is used, and each test gets a fresh store from the factory.
// Tests assume they are the store's only user while they run (revisions are
// asserted relative to the revision at the start, never absolute).
import { describe } from 'node:test';
import { casTests } from './suite-cas.ts';
import { crudTests } from './suite-crud.ts';
import { durabilityTests } from './suite-durability.ts';
import type { StoreFactory } from './suite-helpers.ts';
import { listTests } from './suite-list.ts';
import { watchTests } from './suite-watch.ts';

export type { StoreFactory, StoreHandle } from './suite-helpers.ts';

export function storeConformance(name: string, factory: StoreFactory): void {
  describe(`store conformance: ${name}`, () => {
    describe('get/create/update/delete', () => crudTests(factory));
    describe('list', () => listTests(factory));
    describe('compare-and-swap and transactions', () => casTests(factory));
    describe('watch', () => watchTests(factory));
    describe('durability', () => durabilityTests(factory));
  });
}
