// Observe the host, plan, execute. reconcile-plan.ts finds the instances' orphans
// (domains, directories, hypervisor logs), secret-plan.ts the volume secrets', and the
// image cache its stray files; removal-plan.ts alone decides which of them go. The
// host network's orphans (network-orphans.ts) and the storage role's tgt targets are
// counted only: their drivers remove them when they apply what the conductor pushes
// (a versioned network state, an export reconcile), never on a guess made here. Runs after
// every registration, after libvirtd came back, and periodically; a failed step is
// logged and retried next pass. Each pass's counts are what Register/Heartbeat and
// the metrics report.
import { readdir } from 'node:fs/promises';
import type { Orphans } from '../../common/gen/strato/host/v1/Orphans.ts';
import type { Logger } from '../../common/log.ts';
import type { InstanceManager } from '../compute/instance-manager.ts';
import { instancesDir } from '../compute/instance-paths.ts';
import type { DomainObservation, Hypervisor } from '../hypervisor/hypervisor.ts';
import { countOrphans, type Orphan } from './orphan-kinds.ts';
import { planReconcile, type ReconcilePlan } from './reconcile-plan.ts';
import { type ConductorView, type OrphanRemoval, planRemoval, type RemovalBlock } from './removal-plan.ts';
import { planSecrets, type SecretPlan } from './secret-plan.ts';

export interface PassResult extends ReconcilePlan, SecretPlan {
  /** Every orphan of this pass, all kinds. */
  allOrphans: Orphan[];
  counts: Required<Orphans>;
  /** What this pass removed. */
  removed: Orphan[];
  /** Why this pass removed nothing; undefined when removal could proceed. */
  blocked: RemovalBlock | undefined;
}

/** Stray files of the image cache, and their removal (ImageCache). */
export interface CacheStrays {
  strayEntries(): Promise<string[]>;
  removeStray(name: string): Promise<void>;
}

export interface ReconcilerOptions {
  hv: Hypervisor;
  manager: InstanceManager;
  stateDir: string;
  log: Logger;
  /** How long an orphan must stay one before it is removed. @default 120000 */
  orphanGraceMs?: number;
  /** off: report only. @default 'off' */
  orphanRemoval?: OrphanRemoval;
  /** How old the conductor's last answer may be before its view counts as stale. @default never stale */
  staleAfterMs?: () => number;
  /** Orphans other drivers own and remove themselves (network, tgt targets): counted only. @default none */
  countOnly?: readonly (() => Promise<Orphan[]>)[];
  /** The image cache's stray files. @default none */
  cache?: CacheStrays;
  /** Called with each pass's result (metrics). */
  onPass?: (result: PassResult) => void;
  now?: () => number;
}

export class Reconciler {
  private readonly o: ReconcilerOptions;
  private readonly log: Logger;
  private readonly now: () => number;
  private expected: ReadonlySet<string> | undefined;
  private answeredAt = 0;
  private running: Promise<PassResult> | undefined;
  /** What the last pass warned about, so a standing condition is logged once, not every pass. */
  private lastWarned = '';
  private firstSeen: ReadonlyMap<string, number> = new Map();
  private lastCounts: Required<Orphans> = countOrphans([]);

  constructor(options: ReconcilerOptions) {
    this.o = options;
    this.now = options.now ?? Date.now;
    this.log = options.log.child({ component: 'reconciler' });
  }

  /** Records what the conductor expects (from a Register/Heartbeat reply, i.e. an answer now). */
  setExpected(ids: readonly string[]): void {
    this.expected = new Set(ids);
    this.answeredAt = this.now();
  }

  /** The orphan counts of the last pass (all 0 before the first). */
  get counts(): Required<Orphans> {
    return this.lastCounts;
  }

  /** One pass; concurrent callers share it. */
  pass(): Promise<PassResult> {
    this.running ??= this.once().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private view(now: number): ConductorView {
    const limit = this.o.staleAfterMs?.() ?? Number.POSITIVE_INFINITY;
    return { expected: this.expected, fresh: now - this.answeredAt <= limit };
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

  /** What a failing optional observer leaves: nothing counted of its kinds this pass. */
  private async optional<T>(what: string, fn: (() => Promise<T[]>) | undefined): Promise<T[]> {
    try {
      return (await fn?.()) ?? [];
    } catch (err) {
      this.log.warn({ err, what }, 'orphan observation failed');
      return [];
    }
  }

  private async once(): Promise<PassResult> {
    const dir = instancesDir(this.o.stateDir);
    const [domains, entries, secrets, logged, elsewhere, strays] = await Promise.all([
      this.o.hv.list(),
      readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      }),
      this.o.hv.volumeSecrets(),
      this.o.hv.loggedInstances(dir),
      Promise.all((this.o.countOnly ?? []).map((f) => this.optional('count only', f))).then((l) => l.flat()),
      this.optional('image cache', this.o.cache && (() => this.o.cache!.strayEntries())),
    ]);
    const volumeRefs = await this.volumeRefs(domains);
    const busy = new Set(entries.filter((e) => this.o.manager.busy(e) !== undefined));
    for (const d of domains) if (this.o.manager.busy(d.instanceId) !== undefined) busy.add(d.instanceId);
    for (const id of logged) if (this.o.manager.busy(id) !== undefined) busy.add(id);
    const now = this.now();
    const view = this.view(now);
    const plan = planReconcile({
      domains,
      instanceDirs: entries,
      loggedInstances: logged,
      expected: view.expected,
      busy,
    });
    const secretPlan = planSecrets({
      secrets,
      volumeRefs,
      busyVolumes: this.o.manager.busyVolumes(),
      knownPasswords: this.o.manager.knownVolumePasswords(),
    });
    const allOrphans: Orphan[] = [
      ...plan.orphans,
      ...secretPlan.orphanSecrets.map((name): Orphan => ({ kind: 'libvirtSecrets', name })),
      ...elsewhere,
      ...strays.map((name): Orphan => ({ kind: 'imageCacheFiles', name })),
    ];
    const removal = planRemoval({
      orphans: allOrphans,
      mode: this.o.orphanRemoval ?? 'off',
      view,
      firstSeen: this.firstSeen,
      now,
      graceMs: this.o.orphanGraceMs ?? 120_000,
    });
    this.firstSeen = removal.firstSeen;
    for (const o of removal.newlyFound) this.log.warn({ kind: o.kind, name: o.name }, 'orphan found');
    const removed: Orphan[] = [];
    for (const o of removal.remove) if (await this.remove(o)) removed.push(o);
    // Restoring a secret a domain records is repair, not removal: it needs no rail.
    await this.restoreSecrets(secretPlan.restoreSecrets);
    const counts = countOrphans(allOrphans.filter((o) => !removed.includes(o)));
    this.lastCounts = counts;
    this.warnStanding(plan, secretPlan, removal.blocked, allOrphans.length - removed.length);
    const result = { ...plan, ...secretPlan, allOrphans, counts, removed, blocked: removal.blocked };
    this.o.onPass?.(result);
    return result;
  }

  /** Removes one orphan; true when it is gone. The count-only kinds are never removed here. */
  private async remove(o: Orphan): Promise<boolean> {
    const ctx = o.kind === 'libvirtSecrets' ? { volumeId: o.name } : { instanceId: o.name };
    try {
      let gone = false;
      if (o.kind === 'domains') {
        await this.o.manager.delete(o.name);
        gone = true;
      } else if (o.kind === 'instanceDirs') gone = await this.o.manager.removeOrphanDir(o.name);
      else if (o.kind === 'domainLogs') gone = await this.o.manager.removeOrphanLogs(o.name);
      else if (o.kind === 'libvirtSecrets') gone = await this.o.manager.removeOrphanSecret(o.name);
      else if (o.kind === 'imageCacheFiles' && this.o.cache) {
        await this.o.cache.removeStray(o.name);
        gone = true;
      }
      if (gone) this.log.warn({ ...ctx, kind: o.kind }, 'orphan removed');
      return gone;
    } catch (err) {
      this.log.warn({ ...ctx, kind: o.kind, err }, 'could not remove orphan');
      return false;
    }
  }

  private async restoreSecrets(volumeIds: readonly string[]): Promise<void> {
    for (const volumeId of volumeIds) {
      try {
        if (await this.o.manager.restoreVolumeSecret(volumeId)) this.log.info({ volumeId }, 'volume secret restored');
      } catch (err) {
        this.log.warn({ volumeId, err }, 'could not restore volume secret');
      }
    }
  }

  private warnStanding(plan: ReconcilePlan, secretPlan: SecretPlan, blocked: RemovalBlock | undefined, left: number) {
    const standing = [plan.missingExpected, plan.strayEntries, secretPlan.missingSecrets, left > 0 ? blocked : ''];
    const warned = JSON.stringify(standing);
    if (warned === this.lastWarned) return;
    this.lastWarned = warned;
    if (plan.missingExpected.length > 0) {
      this.log.warn({ instanceIds: plan.missingExpected }, 'expected instances missing on this host');
    }
    if (plan.strayEntries.length > 0) this.log.warn({ entries: plan.strayEntries }, 'unknown entries in instances dir');
    if (secretPlan.missingSecrets.length > 0) {
      // Each such domain cannot start until the conductor sends the volume's attach again.
      this.log.warn({ volumes: secretPlan.missingSecrets }, 'volume secrets missing for attached volumes');
    }
    if (left > 0 && blocked !== undefined) this.log.warn({ reason: blocked, orphans: left }, 'orphans kept');
  }
}
