// Performs planned iSCSI steps through tgtadm and nft, one at a time. Creations have
// undos, so an export that fails half-way can be rolled back; everything else is
// repaired by the next plan, which starts again from what tgtd holds.

import type { TgtStep } from './export-plan.ts';
import { applyFilter, type FilterRule, renderFilter } from './initiator-filter.ts';
import { parsePortal, VOLUME_LUN } from './iscsi-names.ts';
import type { Tgtadm } from './tgtadm.ts';

export interface ExecuteContext {
  tgtadm: Tgtadm;
  /** Network namespace nft runs in; undefined for the agent's own. */
  netns: string | undefined;
}

const lun = String(VOLUME_LUN);

function filterScript(portal: string, rules: FilterRule[]): string {
  return renderFilter(parsePortal(portal), rules);
}

export async function executeStep(step: TgtStep, ctx: ExecuteContext): Promise<void> {
  const t = ctx.tgtadm;
  switch (step.kind) {
    case 'delete-target':
      // --force: a target is removed only when nothing calls for it; a lingering session must not keep it.
      await t.run(['--op', 'delete', '--mode', 'target', '--force', '--tid', String(step.tid)]);
      return;
    case 'create-target':
      await t.run(['--op', 'new', '--mode', 'target', '--tid', String(step.tid), '--targetname', step.iqn]);
      return;
    case 'delete-lun':
      await t.run(['--op', 'delete', '--mode', 'logicalunit', '--tid', String(step.tid), '--lun', lun]);
      return;
    case 'add-lun':
      // rdwr: plain reads and writes on the file or device, which tgt never interprets (raw).
      await t.run([
        '--op',
        'new',
        '--mode',
        'logicalunit',
        '--tid',
        String(step.tid),
        '--lun',
        lun,
        '--backing-store',
        step.path,
        '--bstype',
        'rdwr',
        '--device-type',
        'disk',
      ]);
      return;
    case 'unbind-address':
      await t.run([
        '--op',
        'unbind',
        '--mode',
        'target',
        '--tid',
        String(step.tid),
        '--initiator-address',
        step.address,
      ]);
      return;
    case 'unbind-name':
      await t.run(['--op', 'unbind', '--mode', 'target', '--tid', String(step.tid), '--initiator-name', step.name]);
      return;
    case 'bind-name':
      await t.run(['--op', 'bind', '--mode', 'target', '--tid', String(step.tid), '--initiator-name', step.name]);
      return;
    case 'unbind-account':
      await t.run(['--op', 'unbind', '--mode', 'account', '--tid', String(step.tid), '--user', step.user]);
      return;
    case 'delete-account':
      await t.run(['--op', 'delete', '--mode', 'account', '--user', step.user]);
      return;
    case 'create-account':
      await t.run(['--op', 'new', '--mode', 'account', '--user', step.user, '--password', step.secret]);
      return;
    case 'bind-account':
      await t.run(['--op', 'bind', '--mode', 'account', '--tid', String(step.tid), '--user', step.user]);
      return;
    case 'set-filter':
      await applyFilter(filterScript(step.portal, step.rules), ctx.netns);
      return;
    case 'delete-portal':
      await t.run(['--op', 'delete', '--mode', 'portal', '--param', `portal=${step.portal}`]);
      return;
    case 'add-portal':
      await t.run(['--op', 'new', '--mode', 'portal', '--param', `portal=${step.portal}`]);
      return;
  }
}

/** The undo of a step that creates something (for rolling back a failed export). */
export function undoOf(step: TgtStep): TgtStep | undefined {
  if (step.kind === 'create-target') return { kind: 'delete-target', tid: step.tid, iqn: step.iqn };
  if (step.kind === 'create-account') return { kind: 'delete-account', user: step.user };
  return undefined;
}

/** A step for logs: never the CHAP secret. */
export function describeStep(step: TgtStep): Record<string, unknown> {
  if (step.kind === 'create-account') return { kind: step.kind, user: step.user };
  if (step.kind === 'set-filter') return { kind: step.kind, rules: step.rules.length };
  return step;
}
