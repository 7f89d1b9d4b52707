// The vocabulary shared by the workflow driver and its steps. A step performs
// one side effect (claim, agent call, release) and returns an Outcome: how the
// instance record changes. The driver commits that change only while the same
// workflow and step are still current, so a step whose result lost a race (e.g.
// a delete arrived during a spawn) is discarded and the driver moves on to
// whatever the record says now. Steps must be idempotent: after a crash between
// the side effect and the commit, the restarted conductor runs the step again.
import { randomUUID } from 'node:crypto';
import type { StratoError } from '../../common/errors.ts';
import type { Logger } from '../../common/log.ts';
import type { AgentDirectory, AgentTarget } from '../agents/agent-api.ts';
import type { MoveAgentDirectory } from '../agents/move-agent-api.ts';
import type { Caller } from '../scheduler/host-index.ts';
import type { PlacementRequest, SelectionResult } from '../scheduler/types.ts';
import type { Store } from '../store/store.ts';
import type { InstanceRecord, Workflow, WorkflowKind, WorkflowStep } from './instance-record.ts';
import type { ServerNetworking } from './nics.ts';
import type { SnapshotImages } from './snapshot-images.ts';
import type { ServerVolumes } from './volumes.ts';

export type Outcome =
  /** Apply to the latest record; `finish` closes the workflow's server event (in the same transaction). */
  | { kind: 'update'; apply: (rec: InstanceRecord, nowIso: string, nowMs: number) => InstanceRecord; finish?: Finish }
  /** Remove the instance and everything keyed by it (the end of a delete). */
  | { kind: 'purge' }
  /**
   * Nothing to commit; run the same step again after `ms` (a host that is down).
   * `poll`: not a failure, the step follows progress (a running migration): no
   * warning, no back-off, not counted as a wait in the metrics.
   */
  | { kind: 'wait'; ms: number; why: string; poll?: boolean };

export interface Finish {
  error?: string;
}

/** What the steps need of the scheduler (scheduler/store-claimer.ts). */
export interface Claims {
  /** Selects a host and claims the flavor there; idempotent per instance. */
  place(request: PlacementRequest, caller: Caller): Promise<SelectionResult>;
  /** Gives the instance's claim back; false when it had none. */
  release(instanceId: string): Promise<boolean>;
  /** The end of a successful move: the instance's claim goes, the move's becomes it (scheduler/move-claims.ts). */
  promote?(moveClaimKey: string, instanceId: string): Promise<boolean>;
}

/** What the workflows need of the host registry (hosts/host-registry.ts): where a host's agent listens. */
export interface HostLookup {
  /** Undefined when the host is not registered. */
  get(id: string): Promise<AgentTarget | undefined>;
}

export interface StepDeps {
  claimer: Claims;
  hosts: HostLookup;
  agents: AgentDirectory;
  log: Logger;
  /** Aborted when the conductor shuts down: agent calls are cancelled and the step is redone on restart. */
  signal: AbortSignal;
  /** Hosts tried per boot before giving up (the first one included). @default 3 */
  maxBuildAttempts: number;
  /**
   * How long a boot may wait on its host when that host does not answer, counted
   * from when the host was chosen; then the build ends in ERROR, holding the host.
   */
  buildTimeoutMs: number;
  /** The conductor's clock (ms). */
  now: () => number;
  /** Soft stop/reboot: seconds of ACPI before the agent acts hard. */
  acpiTimeoutS: number;
  /** Waits of this step so far (in this process; a kick starts over), for the back-off. */
  tries: number;
  /** Ports, bindings and network pushes; absent = servers with NICs cannot be booted. */
  net?: ServerNetworking;
  /** Volumes: attach, detach, boot from volume; absent = servers cannot have volumes. */
  volumes?: ServerVolumes;
  /** How long a volume step waits for a host that gives no answer. @default 600_000 */
  volumeTimeoutMs?: number;
  /** Moves (move-steps.ts): the agents' move calls and the migration records; absent = servers cannot move. */
  moves?: MoveDeps;
  /** Where server snapshots go; absent = CreateServerImage is not offered. */
  images?: SnapshotImages;
}

export interface MoveDeps {
  agents: MoveAgentDirectory;
  store: Store;
  /** A move's StartMigration timeout (0: none). @default 0 */
  migrationTimeoutS: number;
  /** How often a running migration is polled. @default 1000 */
  pollMs: number;
  /**
   * How long a cold move's arrival (stop, resize, start on the destination) and a
   * rollback's removal of the destination's copy may keep failing before the move gives
   * that host up (move-steps.ts). @default 300_000
   */
  hostWaitMs: number;
}

export type Step = (rec: InstanceRecord, wf: Workflow, deps: StepDeps) => Promise<Outcome>;

export function newWorkflow(
  kind: WorkflowKind,
  step: WorkflowStep,
  requestId: string,
  eventKey: string,
  extra: Partial<Workflow> = {},
): Workflow {
  return { id: randomUUID(), kind, step, requestId, eventKey, excludeHosts: [], failures: [], ...extra };
}

/** "DATA_LOSS IMAGE_CHECKSUM_MISMATCH: …", the form faults and events quote errors in. */
export function describeError(err: StratoError): string {
  return `${err.code} ${err.reason}: ${err.message}`;
}
