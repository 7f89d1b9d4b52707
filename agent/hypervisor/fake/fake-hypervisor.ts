// A stateful, in-memory Hypervisor for unit tests: domains with libvirt-like
// states and transitions, events emitted asynchronously (as libvirtd pushes them),
// a guest that honours the ACPI button (or ignores it, to test fallbacks), and
// failure injection per operation. Never used outside tests.
import { EventEmitter } from 'node:events';
import { StratoError } from '../../../common/errors.ts';
import type {
  DestroyOptions,
  DomainObservation,
  GuestProcessOwner,
  HostResources,
  Hypervisor,
  HypervisorEvents,
  PowerState,
} from '../hypervisor.ts';
import type { InstanceSpec, PortSpec } from '../instance-spec.ts';
import type { InstanceMetadata } from '../libvirt/domain-metadata.ts';
import { metadataFromSpec } from '../libvirt/domain-xml.ts';

type FakeState = 'running' | 'paused' | 'shutoff' | 'crashed';

export interface FakeDomain {
  spec: InstanceSpec;
  state: FakeState;
  managedSave: boolean;
}

export type FakeOp =
  | 'define'
  | 'start'
  | 'acpiShutdown'
  | 'acpiReboot'
  | 'destroy'
  | 'undefine'
  | 'removeLogs'
  | 'pause'
  | 'unpause'
  | 'save'
  | 'attachPort'
  | 'detachPort';

export interface FakeHypervisorOptions {
  resources?: HostResources;
  /** What guestProcessOwner answers. @default the test process's own uid and gid */
  guestOwner?: GuestProcessOwner;
  /** Whether guests act on the ACPI button. @default true */
  guestHonoursAcpi?: boolean;
  /** Delay before a guest reacts to ACPI. @default 5 */
  acpiDelayMs?: number;
}

function notFound(id: string): StratoError {
  return new StratoError('NOT_FOUND', 'DOMAIN_NOT_FOUND', `fake: no domain for instance ${id}`);
}

function invalid(message: string): StratoError {
  return new StratoError('FAILED_PRECONDITION', 'OPERATION_INVALID', `fake: ${message}`);
}

export class FakeHypervisor extends EventEmitter<HypervisorEvents> implements Hypervisor {
  readonly domains = new Map<string, FakeDomain>();
  /** Every call in order, e.g. `start <id>`. */
  readonly calls: string[] = [];
  guestHonoursAcpi: boolean;
  private readonly acpiDelayMs: number;
  private readonly resources: HostResources;
  private readonly guestOwner: GuestProcessOwner;
  private readonly failures = new Map<FakeOp, Error>();

  constructor(options: FakeHypervisorOptions = {}) {
    super();
    this.resources = options.resources ?? { vcpus: 8, ramMiB: 16384 };
    this.guestOwner = options.guestOwner ?? { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    this.guestHonoursAcpi = options.guestHonoursAcpi ?? true;
    this.acpiDelayMs = options.acpiDelayMs ?? 5;
  }

  /** The next call of `op` throws `err` (once). */
  failNext(op: FakeOp, err: Error = new StratoError('INTERNAL', 'FAKE_FAILURE', `fake: injected ${op} failure`)): void {
    this.failures.set(op, err);
  }

  /** The guest powers itself off (as `poweroff` inside it would). */
  guestPowerOff(id: string): void {
    const d = this.domains.get(id);
    if (!d || d.state === 'shutoff') return;
    this.transition(id, d, 'shutoff', 'stopped/shutdown');
  }

  private enter(op: FakeOp, id: string): void {
    this.calls.push(`${op} ${id}`);
    const err = this.failures.get(op);
    if (err) {
      this.failures.delete(op);
      throw err;
    }
  }

  private get(id: string): FakeDomain {
    const d = this.domains.get(id);
    if (!d) throw notFound(id);
    return d;
  }

  private transition(id: string, d: FakeDomain, state: FakeState, event: string): void {
    d.state = state;
    setImmediate(() => this.emit('event', { instanceId: id, event }));
  }

  async hostResources(): Promise<HostResources> {
    return { ...this.resources };
  }

  async guestProcessOwner(): Promise<GuestProcessOwner> {
    return { ...this.guestOwner };
  }

  /** The fake keeps no logs: only the call is recorded (and can be made to fail). */
  async removeLogs(id: string): Promise<void> {
    this.enter('removeLogs', id);
  }

  async define(spec: InstanceSpec): Promise<void> {
    this.enter('define', spec.id);
    const old = this.domains.get(spec.id);
    this.domains.set(spec.id, { spec, state: old?.state ?? 'shutoff', managedSave: old?.managedSave ?? false });
    setImmediate(() => this.emit('event', { instanceId: spec.id, event: old ? 'defined/updated' : 'defined/added' }));
  }

  async start(id: string): Promise<void> {
    this.enter('start', id);
    const d = this.get(id);
    if (d.state !== 'shutoff') throw invalid('domain is already running');
    const restored = d.managedSave;
    d.managedSave = false;
    this.transition(id, d, 'running', restored ? 'started/restored' : 'started/booted');
  }

  async acpiShutdown(id: string): Promise<void> {
    this.enter('acpiShutdown', id);
    const d = this.get(id);
    if (d.state !== 'running') throw invalid('domain is not running');
    if (!this.guestHonoursAcpi) return;
    setTimeout(() => {
      if (d.state === 'running' && this.domains.get(id) === d) this.transition(id, d, 'shutoff', 'stopped/shutdown');
    }, this.acpiDelayMs);
  }

  async acpiReboot(id: string): Promise<void> {
    this.enter('acpiReboot', id);
    const d = this.get(id);
    if (d.state !== 'running') throw invalid('domain is not running');
    if (!this.guestHonoursAcpi) return;
    setTimeout(() => {
      if (d.state === 'running') this.emit('event', { instanceId: id, event: 'reboot' });
    }, this.acpiDelayMs);
  }

  async destroy(id: string, _options: DestroyOptions = {}): Promise<void> {
    this.enter('destroy', id);
    const d = this.domains.get(id);
    if (!d || d.state === 'shutoff') return;
    this.transition(id, d, 'shutoff', 'stopped/destroyed');
  }

  async undefine(id: string): Promise<void> {
    this.enter('undefine', id);
    if (!this.domains.delete(id)) return;
    setImmediate(() => this.emit('event', { instanceId: id, event: 'undefined/removed' }));
  }

  async pause(id: string): Promise<void> {
    this.enter('pause', id);
    const d = this.get(id);
    if (d.state !== 'running') throw invalid('domain is not running');
    this.transition(id, d, 'paused', 'suspended/paused');
  }

  async unpause(id: string): Promise<void> {
    this.enter('unpause', id);
    const d = this.get(id);
    if (d.state !== 'paused') throw invalid('domain is not paused');
    this.transition(id, d, 'running', 'resumed/unpaused');
  }

  async save(id: string): Promise<void> {
    this.enter('save', id);
    const d = this.get(id);
    if (d.state !== 'running' && d.state !== 'paused') throw invalid('domain is not running');
    d.managedSave = true;
    this.transition(id, d, 'shutoff', 'stopped/saved');
  }

  async discardSave(id: string): Promise<void> {
    const d = this.domains.get(id);
    if (d) d.managedSave = false;
  }

  async attachPort(id: string, port: PortSpec): Promise<void> {
    this.enter('attachPort', id);
    const d = this.get(id);
    if (d.spec.ports.some((p) => p.mac === port.mac)) return;
    d.spec = { ...d.spec, ports: [...d.spec.ports, { ...port }] };
  }

  async detachPort(id: string, tap: string): Promise<void> {
    this.enter('detachPort', id);
    const d = this.domains.get(id);
    if (!d) return;
    d.spec = { ...d.spec, ports: d.spec.ports.filter((p) => p.tap !== tap) };
  }

  async powerState(id: string): Promise<PowerState | undefined> {
    const d = this.domains.get(id);
    return d ? fakePowerState(d) : undefined;
  }

  async list(): Promise<DomainObservation[]> {
    return [...this.domains.entries()].map(([instanceId, d]) => ({ instanceId, powerState: fakePowerState(d) }));
  }

  async metadata(id: string): Promise<InstanceMetadata | undefined> {
    const d = this.domains.get(id);
    return d ? metadataFromSpec(d.spec) : undefined;
  }

  async close(): Promise<void> {}
}

function fakePowerState(d: FakeDomain): PowerState {
  if (d.state === 'shutoff') return d.managedSave ? 'suspended' : 'shutdown';
  return d.state;
}
