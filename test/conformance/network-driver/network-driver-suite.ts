// The NetworkDriver conformance suite: the real Linux driver and the fake run these
// tests unchanged. It knows only the NetworkDriver interface (agent/network/
// network-driver.ts); "the host holds a state" is the driver's own plan for it being
// empty. Generations and their ordering are not the driver's business (the agent's
// NetworkState keeps them, test/unit/agent/network-state.test.ts); that calls are
// serialized is, and is checked here.
import { describe } from 'node:test';
import { convergeTests } from './suite-converge.ts';
import type { SubjectFactory } from './suite-helpers.ts';
import { refuseTests } from './suite-refuse.ts';
import { removeTests } from './suite-remove.ts';
import { routerTests } from './suite-routers.ts';

export type { DriverSubject, HostFacts, SubjectFactory } from './suite-helpers.ts';

export function networkDriverConformance(name: string, factory: SubjectFactory): void {
  describe(`network driver conformance: ${name}`, () => {
    describe('apply converges', () => convergeTests(factory));
    describe('removal', () => removeTests(factory));
    describe('bad input', () => refuseTests(factory));
    describe('routers', () => routerTests(factory));
  });
}
