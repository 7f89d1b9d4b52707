// The VolumeDriver conformance suite: every backend (file, lvm, fake) runs these tests
// unchanged. Only the VolumeDriver interface is used, plus the subject's byte access;
// each test gets a fresh subject from the factory.
import { describe } from 'node:test';
import { capacityTests } from './suite-capacity.ts';
import type { SubjectFactory } from './suite-helpers.ts';
import { hostileTests } from './suite-hostile.ts';
import { lifecycleTests } from './suite-lifecycle.ts';
import { sourceTests } from './suite-sources.ts';
import { wipeTests } from './suite-wipe.ts';

export type { DriverSubject, SubjectFactory, SubjectOptions } from './suite-helpers.ts';

export function volumeDriverConformance(name: string, factory: SubjectFactory): void {
  describe(`volume driver conformance: ${name}`, () => {
    describe('lifecycle', () => lifecycleTests(factory));
    describe('sources', () => sourceTests(factory));
    describe('capacity', () => capacityTests(factory));
    describe('wipe', () => wipeTests(factory));
    describe('hostile content', () => hostileTests(factory));
  });
}
