// Pure planning of iSCSI exports: what tgtd and the initiator filter hold (observed)
// against what should be exported (desired) → the tgtadm and nft steps that make them
// match, in order. Export and unexport plan one volume (scope = that volume); reconcile
// plans everything strato owns (scope = all) and so also removes strato targets and
// accounts that nothing calls for. Foreign targets and accounts are never in a plan.

import { type FilterRule, type ObservedFilter, sortRules } from './initiator-filter.ts';
import { chapUser, formatPortal, targetIqn, VOLUME_LUN, volumeOfAccount, volumeOfTarget } from './iscsi-names.ts';
import { type TgtTarget, tgtSizeLabel } from './tgt-show.ts';

/** One more initiator an export admits: its name in the target's ACL, its address in the filter. */
export interface ExportInitiator {
  name: string;
  address: string;
}

/** One volume exported to one initiator (the conductor's attachment), as plain data. */
export interface DesiredExport {
  volumeId: string;
  /** The file or block device holding the volume (VolumeDriver.localPath). */
  backingPath: string;
  sizeBytes: number;
  /** The attaching host's initiator name: the only name the target admits. */
  initiatorName: string;
  /** The attaching host's underlay address: the only address the filter admits for this export. */
  initiatorAddress: string;
  /** Per-attachment CHAP secret (user `strato-<volume id>`). */
  chapSecret: string;
  /** More initiators admitted at the same time (a server's move destination), same CHAP account. */
  alsoAdmit?: readonly ExportInitiator[];
}

/** Every initiator name the export admits. */
const namesOf = (d: DesiredExport): string[] => [d.initiatorName, ...(d.alsoAdmit ?? []).map((i) => i.name)];

/** Every address the filter admits for the export (no duplicates). */
const addressesOf = (d: DesiredExport): string[] => [
  ...new Set([d.initiatorAddress, ...(d.alsoAdmit ?? []).map((i) => i.address)]),
];

export interface ObservedExports {
  targets: TgtTarget[];
  accounts: string[];
  filter: ObservedFilter;
}

export type TgtStep =
  | { kind: 'delete-target'; tid: number; iqn: string }
  | { kind: 'create-target'; tid: number; iqn: string }
  | { kind: 'delete-lun'; tid: number }
  | { kind: 'add-lun'; tid: number; path: string }
  | { kind: 'unbind-address'; tid: number; address: string }
  | { kind: 'unbind-name'; tid: number; name: string }
  | { kind: 'bind-name'; tid: number; name: string }
  | { kind: 'unbind-account'; tid: number; user: string }
  | { kind: 'delete-account'; user: string }
  | { kind: 'create-account'; user: string; secret: string }
  | { kind: 'bind-account'; tid: number; user: string }
  | { kind: 'set-filter'; portal: string; rules: FilterRule[] }
  | { kind: 'delete-portal'; portal: string }
  | { kind: 'add-portal'; portal: string };

export interface ExportPlanInput {
  desired: readonly DesiredExport[];
  observed: ObservedExports;
  /** The volumes this plan may touch: every strato one (reconcile), or only these. */
  scope: 'all' | ReadonlySet<string>;
  /** CHAP secrets this process set, by user: tgt never shows a secret, so others are set again. */
  knownSecrets: ReadonlyMap<string, string>;
  /** The portal the filter guards, `address:port`. */
  portal: string;
}

function tidAllocator(targets: readonly TgtTarget[]): () => number {
  const used = new Set(targets.map((t) => t.tid));
  let next = 1;
  return () => {
    while (used.has(next)) next++;
    used.add(next);
    return next;
  };
}

function planNewTarget(d: DesiredExport, tid: number, accounts: readonly string[]): TgtStep[] {
  const user = chapUser(d.volumeId);
  return [
    { kind: 'create-target', tid, iqn: targetIqn(d.volumeId) },
    { kind: 'add-lun', tid, path: d.backingPath },
    ...namesOf(d).map((name) => ({ kind: 'bind-name' as const, tid, name })),
    ...(accounts.includes(user) ? [{ kind: 'delete-account' as const, user }] : []),
    { kind: 'create-account', user, secret: d.chapSecret },
    { kind: 'bind-account', tid, user },
  ];
}

/** Steps that bring an existing target to `d`: its LUN, its name ACLs, its one account. */
function planExistingTarget(d: DesiredExport, t: TgtTarget, input: ExportPlanInput): TgtStep[] {
  const steps: TgtStep[] = [];
  const tid = t.tid;
  const user = chapUser(d.volumeId);
  const lun = t.luns.find((l) => l.lun === VOLUME_LUN);
  // tgt keeps the size a LUN had when it was added: a grown volume needs its LUN re-created.
  if (lun !== undefined && (lun.backingStorePath !== d.backingPath || lun.size !== tgtSizeLabel(d.sizeBytes))) {
    steps.push({ kind: 'delete-lun', tid });
  }
  if (lun === undefined || steps.length > 0) steps.push({ kind: 'add-lun', tid, path: d.backingPath });
  // Any address entry would admit logins by address alone (tgt ORs its ACLs): the filter does addresses.
  for (const address of t.aclAddresses) steps.push({ kind: 'unbind-address', tid, address });
  const names = namesOf(d);
  for (const name of t.aclNames) if (!names.includes(name)) steps.push({ kind: 'unbind-name', tid, name });
  for (const name of names) if (!t.aclNames.includes(name)) steps.push({ kind: 'bind-name', tid, name });
  for (const other of t.accounts) if (other !== user) steps.push({ kind: 'unbind-account', tid, user: other });
  const exists = input.observed.accounts.includes(user);
  if (!exists || input.knownSecrets.get(user) !== d.chapSecret) {
    // Deleting an account also unbinds it; the new one is bound again below.
    if (exists) steps.push({ kind: 'delete-account', user });
    steps.push({ kind: 'create-account', user, secret: d.chapSecret }, { kind: 'bind-account', tid, user });
  } else if (!t.accounts.includes(user)) {
    steps.push({ kind: 'bind-account', tid, user });
  }
  return steps;
}

export function planExports(input: ExportPlanInput): TgtStep[] {
  const { observed, scope } = input;
  const inScope = (volumeId: string): boolean => scope === 'all' || scope.has(volumeId);
  const desired = new Map(input.desired.filter((d) => inScope(d.volumeId)).map((d) => [d.volumeId, d]));
  const steps: TgtStep[] = [];

  for (const t of observed.targets) {
    const v = volumeOfTarget(t.iqn);
    if (v !== undefined && inScope(v) && !desired.has(v)) steps.push({ kind: 'delete-target', tid: t.tid, iqn: t.iqn });
  }
  const nextTid = tidAllocator(observed.targets);
  for (const d of [...desired.values()].sort((a, b) => a.volumeId.localeCompare(b.volumeId))) {
    const t = observed.targets.find((x) => x.iqn === targetIqn(d.volumeId));
    steps.push(...(t === undefined ? planNewTarget(d, nextTid(), observed.accounts) : planExistingTarget(d, t, input)));
  }
  for (const user of observed.accounts) {
    const v = volumeOfAccount(user);
    if (v !== undefined && inScope(v) && !desired.has(v)) steps.push({ kind: 'delete-account', user });
  }

  const rules = sortRules([
    ...observed.filter.rules.filter((r) => !inScope(r.volumeId)),
    ...[...desired.values()].flatMap((d) => addressesOf(d).map((address) => ({ volumeId: d.volumeId, address }))),
  ]);
  const sameRules = JSON.stringify(rules) === JSON.stringify(observed.filter.rules);
  if (observed.filter.portal !== input.portal || !sameRules)
    steps.push({ kind: 'set-filter', portal: input.portal, rules });
  return steps;
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/**
 * Portal steps: listen on the configured address, never on a wildcard (a wildcard
 * portal would also answer on every other address of the host). Wildcards go first:
 * tgtd cannot bind a specific address on a port its wildcard portal holds.
 */
export function planPortals(
  observed: readonly { address: string; port: number }[],
  desired: { address: string; port: number },
): TgtStep[] {
  const steps: TgtStep[] = observed
    .filter((p) => WILDCARDS.has(p.address))
    .map((p) => ({ kind: 'delete-portal', portal: formatPortal(p) }));
  if (!observed.some((p) => p.address === desired.address && p.port === desired.port)) {
    steps.push({ kind: 'add-portal', portal: formatPortal(desired) });
  }
  return steps;
}
