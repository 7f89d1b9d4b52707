// Shared pieces of the domain XML integration tests: a sample spec under a fresh
// instance id (so concurrent runs and leftovers never collide).
import { randomUUID } from 'node:crypto';
import type { InstanceSpec } from '../../../agent/hypervisor/instance-spec.ts';
import { INSTANCE_ID } from '../../unit/domain-xml/specs.ts';

/** `spec` with every occurrence of the sample instance id replaced by a new one. */
export function withFreshId(spec: InstanceSpec): InstanceSpec {
  return JSON.parse(JSON.stringify(spec).replaceAll(INSTANCE_ID, randomUUID())) as InstanceSpec;
}
