// Observe the host, plan (reconcile-plan.ts for instances, secret-plan.ts for volume
// secrets), execute. Runs after every registration, after libvirtd came back, and
// periodically; a failed step is logged and retried next pass.
import { readdir } from 'node:fs/promises';
import type { Logger } from '../../common/log.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import { instancesDir } from '../compute/instance-paths.ts';
import type { DomainObservation, Hypervisor } from '../hypervisor/hypervisor.ts';
import { planReconcile, type ReconcilePlan } from './reconcile-plan.ts';
import { planSecrets, type SecretPlan } from './secret-plan.ts';

export type PassResult = ReconcilePlan & SecretPlan;

export interface ReconcilerOptions {
  hv: Hypervisor;
  manager: InstanceManager;
  stateDir: string;
  log: Logger;
  /** How long a domain must stay unexpected before it is deleted. @default 120000 */
  orphanGraceMs?: number;
}

export class Reconciler {
  private readonly o: ReconcilerOptions;
  private readonly log: Logger;
  private expected: ReadonlySet<string> | undefined;
  private running: Promise<PassResult> | undefined;
  /** What the last pass warned about, so a standing condition is logged once, not every pass. */
  private lastWarned = '';
  private readonly unexpectedSince = new Map<string, number>();

  constructor(options: ReconcilerOptions) {
    this.o = options;
    this.log = options.log.child({ component: 'reconciler' });
  }

  /** Records what the conductor expects (from Register/Heartbeat replies). */
  setExpected(ids: readonly string[]): void {
    this.expected = new Set(ids);
  }

  /** One pass; concurrent callers share it. */
  pass(): Promise<PassResult> {
    this.running ??= this.once().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Volume id → instances whose domain records it; undefined when a record could not be read. */
  private async volumeRefs(domains: readonly DomainObservation[]): Promise<Map<string, string[]> | undefined> {
    const refs = new Map<string, string[]>();
    for (const d of domains) {
      let volumes: { id: string }[];
      try {
        volumes = (await this.o.hv.metadata(d.instanceId))?.volumes ?? [];
      } catch (err) {
        this.log.warn({ instanceId: d.instanceId, err }, 'domain record unreadable; volume secrets left alone');
        return undefined;
      }
      for (const v of volumes) refs.set(v.id, [...(refs.get(v.id) ?? []), d.instanceId]);
    }
    return refs;
  }

  private async once(): Promise<PassResult> {
    const dir = instancesDir(this.o.stateDir);
    const [domains, entries, secrets] = await Promise.all([
      this.o.hv.list(),
      readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      }),
      this.o.hv.volumeSecrets(),
    ]);
    const volumeRefs = await this.volumeRefs(domains);
    const busy = new Set(entries.filter((e) => this.o.manager.busy(e) !== undefined));
    for (const d of domains) if (this.o.manager.busy(d.instanceId) !== undefined) busy.add(d.instanceId);
    const now = Date.now();
    const plan = planReconcile({
      domains,
      instanceDirs: entries,
      expected: this.expected,
      busy,
      unexpectedSince: this.unexpectedSince,
      now,
      graceMs: this.o.orphanGraceMs ?? 120_000,
    });
    // Remember when each domain first looked unexpected; forget those that no longer do.
    const stillUnexpected = new Set([...plan.unexpectedDomains, ...plan.removeDomains]);
    for (const id of this.unexpectedSince.keys()) if (!stillUnexpected.has(id)) this.unexpectedSince.delete(id);
    for (const id of plan.unexpectedDomains) if (!this.unexpectedSince.has(id)) this.unexpectedSince.set(id, now);
    for (const id of plan.removeDomains) {
      try {
        this.log.warn({ instanceId: id }, 'deleting a domain the conductor no longer expects');
        await this.o.manager.delete(id);
        this.unexpectedSince.delete(id);
      } catch (err) {
        this.log.warn({ instanceId: id, err }, 'could not delete unexpected domain');
      }
    }
    for (const id of plan.removeDirs) {
      try {
        if (await this.o.manager.removeOrphanDir(id))
          this.log.info({ instanceId: id }, 'removed orphaned instance directory');
      } catch (err) {
        this.log.warn({ instanceId: id, err }, 'could not remove orphaned instance directory');
      }
    }
    const secretPlan = planSecrets({
      secrets,
      volumeRefs,
      busyVolumes: this.o.manager.busyVolumes(),
      knownPasswords: this.o.manager.knownVolumePasswords(),
    });
    await this.executeSecrets(secretPlan);
    const warned = JSON.stringify([
      plan.unexpectedDomains,
      plan.missingExpected,
      plan.strayEntries,
      secretPlan.missingSecrets,
    ]);
    if (warned !== this.lastWarned) {
      this.lastWarned = warned;
      if (plan.unexpectedDomains.length > 0) {
        this.log.warn({ instanceIds: plan.unexpectedDomains }, 'domains the conductor does not expect (kept)');
      }
      if (plan.missingExpected.length > 0) {
        this.log.warn({ instanceIds: plan.missingExpected }, 'expected instances missing on this host');
      }
      if (plan.strayEntries.length > 0)
        this.log.warn({ entries: plan.strayEntries }, 'unknown entries in instances dir');
      if (secretPlan.missingSecrets.length > 0) {
        // Each such domain cannot start until the conductor sends the volume's attach again.
        this.log.warn({ volumes: secretPlan.missingSecrets }, 'volume secrets missing for attached volumes');
      }
    }
    return { ...plan, ...secretPlan };
  }

  private async executeSecrets(plan: SecretPlan): Promise<void> {
    for (const volumeId of plan.removeSecrets) {
      try {
        if (await this.o.manager.removeOrphanSecret(volumeId))
          this.log.info({ volumeId }, 'removed the secret of a volume no instance here holds');
      } catch (err) {
        this.log.warn({ volumeId, err }, 'could not remove orphaned volume secret');
      }
    }
    for (const volumeId of plan.restoreSecrets) {
      try {
        if (await this.o.manager.restoreVolumeSecret(volumeId)) this.log.info({ volumeId }, 'volume secret restored');
      } catch (err) {
        this.log.warn({ volumeId, err }, 'could not restore volume secret');
      }
    }
  }
}
