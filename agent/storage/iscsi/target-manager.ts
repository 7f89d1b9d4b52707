// The iSCSI target manager over tgt: observe tgtd (targets, accounts, portals) and the
// initiator filter, plan (export-plan.ts, pure), execute. One target per attachment:
// `iqn.2026-01.io.strato:<volume id>`, LUN 1 on the volume's file or device, the
// attaching host's initiator name as its only name ACL, a CHAP account
// `strato-<volume id>` bound to it, and a filter rule admitting the host's underlay
// address. Calls are serialised (tids and the filter are host-wide). Export and
// unexport are idempotent; reconcile makes tgtd hold exactly the exports it is given
// and removes strato targets and accounts nobody calls for (never foreign ones);
// resync re-creates the exports this process knows after tgtd lost them (a restart).
import { type Logger, log as rootLog } from '../../../common/log.ts';
import { Reverter } from '../../compute/reverter.ts';
import { describeStep, type ExecuteContext, executeStep, undoOf } from './execute.ts';
import {
  type DesiredExport,
  type ExportInitiator,
  type ObservedExports,
  planExports,
  planPortals,
  type TgtStep,
} from './export-plan.ts';
import { observeFilter } from './initiator-filter.ts';
import { chapUser, formatPortal, targetIqn, VOLUME_LUN, volumeOfTarget } from './iscsi-names.ts';
import { tgtSizeLabel } from './tgt-show.ts';
import type { Tgtadm } from './tgtadm.ts';

export interface TargetManagerOptions {
  tgtadm: Tgtadm;
  /** Where tgtd listens: the storage host's underlay address (never a wildcard). */
  portal: { address: string; port: number };
  /** Network namespace of tgtd's host, for nft; undefined for the agent's own. */
  netns?: string;
  log?: Logger;
}

/** An export as the host shows it (never the CHAP secret). */
export interface ExportInfo {
  volumeId: string;
  targetIqn: string;
  lun: number;
  portal: string;
  chapUser: string;
  initiatorName: string;
  initiatorAddress: string;
  /** The other initiators admitted (a move's destination), sorted by name. */
  alsoAdmitted: ExportInitiator[];
  backingPath: string;
  /** Initiators logged in now. */
  sessions: number;
}

export class TgtTargetManager {
  readonly #opts: TargetManagerOptions;
  readonly #log: Logger;
  readonly #ctx: ExecuteContext;
  readonly #portal: string;
  /** CHAP secrets this process set (tgt never shows them). */
  readonly #secrets = new Map<string, string>();
  /** What this process was asked to export, for resync after tgtd loses its state. */
  readonly #desired = new Map<string, DesiredExport>();
  /** Whether the conductor said once what this host exports (reconcile): before, nothing is an orphan. */
  #reconciled = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(opts: TargetManagerOptions) {
    this.#opts = opts;
    this.#log = (opts.log ?? rootLog).child({ component: 'iscsi-targets' });
    this.#ctx = { tgtadm: opts.tgtadm, netns: opts.netns };
    this.#portal = formatPortal(opts.portal);
  }

  get portal(): string {
    return this.#portal;
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #observe(): Promise<ObservedExports> {
    const [targets, accounts, filter] = await Promise.all([
      this.#opts.tgtadm.targets(),
      this.#opts.tgtadm.accounts(),
      observeFilter(this.#opts.netns),
    ]);
    return { targets, accounts, filter };
  }

  /** Runs steps in order; with `rollback`, a failure undoes what the run created. */
  async #execute(steps: TgtStep[], what: string, rollback: boolean): Promise<void> {
    const reverter = new Reverter();
    try {
      for (const step of steps) {
        await executeStep(step, this.#ctx);
        if (step.kind === 'create-account') this.#secrets.set(step.user, step.secret);
        if (step.kind === 'delete-account') this.#secrets.delete(step.user);
        const undo = rollback ? undoOf(step) : undefined;
        if (undo !== undefined) reverter.add(undo.kind, () => executeStep(undo, this.#ctx));
      }
    } catch (err) {
      const failedUndos = await reverter.revert(this.#log);
      this.#log.error({ what, err, failedUndos }, 'iscsi steps failed');
      throw err;
    }
    if (steps.length > 0) this.#log.info({ what, steps: steps.map(describeStep) }, 'iscsi steps done');
  }

  /** Portal on the configured address, no wildcard portal, and the filter guarding it. */
  async #ensurePortal(): Promise<void> {
    await this.#execute(planPortals(await this.#opts.tgtadm.portals(), this.#opts.portal), 'portal', false);
  }

  init(): Promise<void> {
    return this.#serial(async () => {
      await this.#ensurePortal();
      // The filter keeps the rules the host already has (an agent restart); only a missing or moved one is rewritten.
      const observed = await this.#observe();
      const steps = planExports({
        desired: [],
        observed,
        scope: new Set(),
        knownSecrets: this.#secrets,
        portal: this.#portal,
      });
      await this.#execute(steps, 'init', false);
    });
  }

  export(d: DesiredExport): Promise<ExportInfo> {
    return this.#serial(async () => {
      const observed = await this.#observe();
      const steps = planExports({
        desired: [d],
        observed,
        scope: new Set([d.volumeId]),
        knownSecrets: this.#secrets,
        portal: this.#portal,
      });
      const fresh = !observed.targets.some((t) => t.iqn === targetIqn(d.volumeId));
      await this.#execute(steps, `export ${d.volumeId}`, fresh);
      this.#desired.set(d.volumeId, d);
      return this.#info(d.volumeId, await this.#observe());
    });
  }

  unexport(volumeId: string): Promise<void> {
    return this.#serial(async () => {
      const steps = planExports({
        desired: [],
        observed: await this.#observe(),
        scope: new Set([volumeId]),
        knownSecrets: this.#secrets,
        portal: this.#portal,
      });
      await this.#execute(steps, `unexport ${volumeId}`, false);
      this.#desired.delete(volumeId);
    });
  }

  /** Makes the host export exactly `desired`; returns how many steps that took. */
  reconcile(desired: readonly DesiredExport[]): Promise<number> {
    return this.#serial(async () => {
      await this.#ensurePortal();
      const steps = planExports({
        desired,
        observed: await this.#observe(),
        scope: 'all',
        knownSecrets: this.#secrets,
        portal: this.#portal,
      });
      this.#desired.clear();
      for (const d of desired) this.#desired.set(d.volumeId, d);
      this.#reconciled = true;
      await this.#execute(steps, 'reconcile', false);
      return steps.length;
    });
  }

  /**
   * Volume ids of the strato targets tgtd holds that the conductor's last word (its
   * reconcile, and the exports and unexports since) does not name: counted by the
   * agent's reconciler, removed only by the conductor's next reconcile. Empty until
   * the conductor reconciled once (an agent restart knows no exports before).
   */
  orphanTargets(): Promise<string[]> {
    return this.#serial(async () => {
      if (!this.#reconciled) return [];
      const ids = (await this.#opts.tgtadm.targets()).map((t) => volumeOfTarget(t.iqn));
      return ids.filter((id): id is string => id !== undefined && !this.#desired.has(id)).sort();
    });
  }

  /**
   * Re-applies the exports this process knows, removing nothing else (after an agent
   * restart it knows none until the conductor reconciles). Repairs a restarted tgtd.
   */
  resync(): Promise<number> {
    return this.#serial(async () => {
      await this.#ensurePortal();
      const desired = [...this.#desired.values()];
      const steps = planExports({
        desired,
        observed: await this.#observe(),
        scope: new Set(this.#desired.keys()),
        knownSecrets: this.#secrets,
        portal: this.#portal,
      });
      await this.#execute(steps, 'resync', false);
      return steps.length;
    });
  }

  /**
   * After a volume grew or moved: re-creates its LUN if tgt shows another size or
   * path (tgt keeps the size a LUN had when added). Sessions stay connected.
   */
  refreshLun(volumeId: string, backingPath: string, sizeBytes: number): Promise<boolean> {
    return this.#serial(async () => {
      const known = this.#desired.get(volumeId);
      if (known !== undefined) this.#desired.set(volumeId, { ...known, backingPath, sizeBytes });
      const t = (await this.#opts.tgtadm.targets()).find((x) => x.iqn === targetIqn(volumeId));
      const lun = t?.luns.find((l) => l.lun === VOLUME_LUN);
      if (t === undefined || (lun?.backingStorePath === backingPath && lun.size === tgtSizeLabel(sizeBytes)))
        return false;
      const steps: TgtStep[] = [
        ...(lun === undefined ? [] : [{ kind: 'delete-lun' as const, tid: t.tid }]),
        { kind: 'add-lun', tid: t.tid, path: backingPath },
      ];
      await this.#execute(steps, `refresh ${volumeId}`, false);
      return true;
    });
  }

  #info(volumeId: string, observed: ObservedExports): ExportInfo {
    const t = observed.targets.find((x) => x.iqn === targetIqn(volumeId));
    // The first name is the attachment's (bound first); what the conductor asked for says which, when known.
    const known = this.#desired.get(volumeId);
    const main = known?.initiatorName ?? t?.aclNames[0] ?? '';
    const mainAddress =
      known?.initiatorAddress ?? observed.filter.rules.find((r) => r.volumeId === volumeId)?.address ?? '';
    const others = (t?.aclNames ?? []).filter((n) => n !== main).sort();
    const alsoAdmitted = others.map((name) => ({
      name,
      address: known?.alsoAdmit?.find((i) => i.name === name)?.address ?? '',
    }));
    return {
      volumeId,
      targetIqn: targetIqn(volumeId),
      lun: VOLUME_LUN,
      portal: this.#portal,
      chapUser: chapUser(volumeId),
      initiatorName: main,
      initiatorAddress: mainAddress,
      alsoAdmitted,
      backingPath: t?.luns.find((l) => l.lun === VOLUME_LUN)?.backingStorePath ?? '',
      sessions: t?.sessions.length ?? 0,
    };
  }

  /** Every strato export the host holds now. */
  list(): Promise<ExportInfo[]> {
    return this.#serial(async () => {
      const observed = await this.#observe();
      return observed.targets
        .map((t) => volumeOfTarget(t.iqn))
        .filter((v): v is string => v !== undefined)
        .sort()
        .map((v) => this.#info(v, observed));
    });
  }
}
