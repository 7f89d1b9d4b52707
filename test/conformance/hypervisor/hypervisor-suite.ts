// The Hypervisor conformance suite: every backend (libvirt, the fake) runs these tests
// unchanged, so the fake that the instance manager's unit tests and the conductor's
// integration tests (test/harness/fake-agent.ts) trust behaves like libvirt. Only the
// Hypervisor interface is used, plus the subject's few helpers (suite-helpers.ts).
import { after, before, describe } from 'node:test';
import { absentTests } from './suite-absent.ts';
import { consoleTests } from './suite-console.ts';
import { eventTests } from './suite-events.ts';
import type { HypervisorSubject, SubjectFactory, SuiteContext } from './suite-helpers.ts';
import { hostTests } from './suite-host.ts';
import { lifecycleTests } from './suite-lifecycle.ts';
import { metadataTests } from './suite-metadata.ts';
import { moveTests } from './suite-moves.ts';
import { portTests } from './suite-ports.ts';
import { volumeTests } from './suite-volumes.ts';

export type { HypervisorSubject, SubjectFactory } from './suite-helpers.ts';

export function hypervisorConformance(name: string, open: SubjectFactory): void {
  let subject: HypervisorSubject | undefined;
  const c: SuiteContext = {
    get s() {
      if (subject === undefined) throw new Error('the subject did not open');
      return subject;
    },
  };
  describe(`hypervisor conformance: ${name}`, () => {
    before(async () => {
      subject = await open();
    });
    after(async () => {
      await subject?.close();
    });
    describe('absent instances', () => absentTests(c));
    describe('host', () => hostTests(c));
    describe('lifecycle', () => lifecycleTests(c));
    describe('events', () => eventTests(c));
    describe('metadata', () => metadataTests(c));
    describe('ports', () => portTests(c));
    describe('volumes', () => volumeTests(c));
    describe('console', () => consoleTests(c));
    describe('moves', () => moveTests(c));
  });
}
