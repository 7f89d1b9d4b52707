// When a snapshot (CreateServerImage), a rebuild or an update (rename,
// metadata) of a server may start, and how an update changes the metadata.
// Pure and table-tested (test/unit/compute/image-rebuild-rules.test.ts); the
// API answers FAILED_PRECONDITION / INVALID_ARGUMENT from here before anything
// changes.
import { failedPrecondition, invalidArgument, type StratoError } from '../../common/errors.ts';
import type { StateView, TaskState, VmState } from './state-machine.ts';
import { MAX_METADATA_ITEMS } from './validate.ts';

export type ImageVerb = 'create image' | 'rebuild';

interface VerbRule {
  from: readonly VmState[];
  /** The task the verb runs under first. */
  task: TaskState;
}

// Nova's: a snapshot of any resting guest; a rebuild also gets a server out of ERROR.
export const VERB_RULES: Readonly<Record<ImageVerb, VerbRule>> = {
  'create image': { from: ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED'], task: 'image_snapshot' },
  rebuild: { from: ['ACTIVE', 'SHUTOFF', 'ERROR'], task: 'rebuilding' },
};

export interface VerbView extends StateView {
  name: string;
  host: string;
  /** The server boots from a volume (its root disk is no local file). */
  volumeBacked: boolean;
}

/** Null when `verb` may start now, else the FAILED_PRECONDITION to answer. */
export function imageVerbRefusal(s: VerbView, verb: ImageVerb): StratoError | null {
  const rule = VERB_RULES[verb];
  if (s.taskState !== '') {
    return failedPrecondition(
      'TASK_IN_PROGRESS',
      `cannot ${verb}: the server is busy (task ${s.taskState}); wait for it to finish`,
      { details: { vmState: s.vmState, taskState: s.taskState, action: verb } },
    );
  }
  if (!rule.from.includes(s.vmState)) {
    return failedPrecondition(
      'INVALID_STATE',
      `cannot ${verb} a server in vm_state ${s.vmState} (allowed in ${rule.from.join(', ')})`,
      { details: { vmState: s.vmState, action: verb } },
    );
  }
  if (s.volumeBacked) {
    const hint = verb === 'rebuild' ? 'its root disk is a volume' : 'snapshot its boot volume instead';
    return failedPrecondition('BOOT_FROM_VOLUME', `cannot ${verb} server ${s.name}: it boots from a volume (${hint})`, {
      details: { action: verb },
    });
  }
  if (s.host === '') {
    return failedPrecondition('NOT_ON_HOST', `cannot ${verb} server ${s.name}: it is not on a host`, {
      details: { vmState: s.vmState, action: verb },
    });
  }
  return null;
}

/** Null when the server may be renamed or its metadata changed: anything but a server being deleted. */
export function updateRefusal(s: StateView): StratoError | null {
  if (s.taskState !== 'deleting') return null;
  return failedPrecondition('INVALID_STATE', 'cannot update a server that is being deleted', {
    details: { vmState: s.vmState, taskState: s.taskState, action: 'update' },
  });
}

/**
 * The metadata after an update: `unset` keys removed, then `set` merged in. Each
 * item was bounded at the API edge; the result must stay within create's count.
 * Errors: INVALID_ARGUMENT/METADATA_INVALID (field set_metadata).
 */
export function mergeMetadata(
  current: Readonly<Record<string, string>>,
  set: Readonly<Record<string, string>>,
  unset: readonly string[],
): Record<string, string> {
  const next: Record<string, string> = { ...current };
  for (const k of unset) delete next[k];
  Object.assign(next, set);
  const n = Object.keys(next).length;
  if (n > MAX_METADATA_ITEMS) {
    throw invalidArgument(
      'METADATA_INVALID',
      `a server takes at most ${MAX_METADATA_ITEMS} metadata items; this update would leave ${n}`,
      { details: { field: 'set_metadata' } },
    );
  }
  return next;
}
