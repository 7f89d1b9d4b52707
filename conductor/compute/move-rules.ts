// The state rules of moves (cold/live migration, resize and its confirm or
// revert), as in Nova: which vm_state each verb starts from, the task_state it
// runs under, and the Nova status a server shows. Pure and table-tested
// (test/unit/compute/move-rules.test.ts); the API answers FAILED_PRECONDITION
// from here before anything changes.
import { failedPrecondition, type StratoError } from '../../common/errors.ts';
import type { FlavorCopy, InstanceRecord } from './instance-record.ts';
import type { StateView, TaskState, VmState } from './state-machine.ts';

export type MoveVerb = 'migrate' | 'live-migrate' | 'resize' | 'confirm-resize' | 'revert-resize';

/** vm_states each verb starts from (Nova: cold migrate/resize from ACTIVE or SHUTOFF, live from ACTIVE). */
export const MOVE_FROM: Record<MoveVerb, readonly VmState[]> = {
  migrate: ['ACTIVE', 'SHUTOFF'],
  'live-migrate': ['ACTIVE'],
  resize: ['ACTIVE', 'SHUTOFF'],
  'confirm-resize': ['RESIZED'],
  'revert-resize': ['RESIZED'],
};

/** The task_state a verb runs under from its acceptance. */
export const MOVE_TASK: Record<MoveVerb, TaskState> = {
  migrate: 'resize_prep',
  'live-migrate': 'migrating',
  resize: 'resize_prep',
  'confirm-resize': 'resize_confirming',
  'revert-resize': 'resize_reverting',
};

const LABEL: Record<MoveVerb, string> = {
  migrate: 'migrate',
  'live-migrate': 'live-migrate',
  resize: 'resize',
  'confirm-resize': 'confirm the resize of',
  'revert-resize': 'revert the resize of',
};

/**
 * Null when `verb` may start now, else the FAILED_PRECONDITION to answer:
 * TASK_IN_PROGRESS while another task runs, INVALID_STATE from a wrong vm_state,
 * NOT_ON_HOST for a server that has no host. Servers with volumes move too: their
 * volumes are shared storage, admitted on both hosts while they move
 * (move-volume-steps.ts).
 */
export function moveRefusal(s: StateView & Pick<InstanceRecord, 'host'>, verb: MoveVerb): StratoError | null {
  const what = LABEL[verb];
  if (s.taskState !== '') {
    return failedPrecondition(
      'TASK_IN_PROGRESS',
      `cannot ${what} the server: it is busy (task ${s.taskState}); wait for it to finish`,
      { details: { vmState: s.vmState, taskState: s.taskState, action: verb } },
    );
  }
  const from = MOVE_FROM[verb];
  if (!from.includes(s.vmState)) {
    const hint = s.vmState === 'RESIZED' ? '; confirm or revert the resize first' : '';
    return failedPrecondition(
      'INVALID_STATE',
      `cannot ${what} a server in vm_state ${s.vmState} (allowed in ${from.join(', ')})${hint}`,
      { details: { vmState: s.vmState, action: verb } },
    );
  }
  if (verb === 'confirm-resize' || verb === 'revert-resize') return null;
  if (s.host === '') {
    return failedPrecondition('NOT_ON_HOST', `cannot ${what} a server that is on no host`, {
      details: { vmState: s.vmState, action: verb },
    });
  }
  return null;
}

/**
 * Null when `to` is a flavor the server may be resized to: another flavor whose
 * root disk is not smaller (disks grow, never shrink), else FAILED_PRECONDITION.
 */
export function resizeFlavorRefusal(from: FlavorCopy, to: FlavorCopy): StratoError | null {
  if (from.id === to.id) {
    return failedPrecondition('SAME_FLAVOR', `the server already has flavor ${to.name}; pick another`, {
      details: { field: 'flavor', flavor: to.name },
    });
  }
  if (to.diskGib < from.diskGib) {
    return failedPrecondition(
      'DISK_SHRINK_REFUSED',
      `flavor ${to.name} has a ${to.diskGib} GiB disk, smaller than the server's ${from.diskGib} GiB: root disks grow, never shrink`,
      { details: { field: 'flavor', flavorDiskGib: String(to.diskGib), serverDiskGib: String(from.diskGib) } },
    );
  }
  return null;
}

/** The Nova status a server shows (Nova's API derives it from vm_state and task_state the same way). */
export function novaStatus(vmState: VmState, taskState: TaskState): string {
  switch (vmState) {
    case 'RESIZED':
      return taskState === 'resize_reverting' ? 'REVERT_RESIZE' : 'VERIFY_RESIZE';
    case 'ACTIVE':
    case 'SHUTOFF':
      if (taskState === 'migrating') return 'MIGRATING';
      if (taskState.startsWith('resize_')) return 'RESIZE';
      return vmState;
    default:
      return vmState;
  }
}
