// When a snapshot, a rebuild or an update may start (server.proto's contract
// comments above CreateServerImage, RebuildServer and UpdateServer), and how an
// update merges metadata.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StratoError } from '../../../common/errors.ts';
import {
  type ImageVerb,
  imageVerbRefusal,
  mergeMetadata,
  updateRefusal,
  type VerbView,
} from '../../../conductor/compute/image-rebuild-rules.ts';
import { VM_STATES, type VmState } from '../../../conductor/compute/state-machine.ts';

const LEGAL: Record<ImageVerb, VmState[]> = {
  'create image': ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED'],
  rebuild: ['ACTIVE', 'SHUTOFF', 'ERROR'],
};

const view = (o: Partial<VerbView> = {}): VerbView => ({
  name: 'vm',
  vmState: 'ACTIVE',
  taskState: '',
  host: 'hv-1',
  volumeBacked: false,
  ...o,
});

describe('snapshot and rebuild: legal states', () => {
  for (const verb of ['create image', 'rebuild'] as const) {
    for (const vmState of VM_STATES) {
      it(`${verb} from ${vmState}: ${LEGAL[verb].includes(vmState) ? 'allowed' : 'INVALID_STATE'}`, () => {
        const refusal = imageVerbRefusal(view({ vmState }), verb);
        if (LEGAL[verb].includes(vmState)) assert.equal(refusal, null);
        else assert.equal(refusal?.reason, 'INVALID_STATE');
      });
    }
  }

  const cases: Array<[string, Partial<VerbView>, string, string]> = [
    ['a task runs', { taskState: 'rebooting' }, 'FAILED_PRECONDITION', 'TASK_IN_PROGRESS'],
    ['booted from a volume', { volumeBacked: true }, 'FAILED_PRECONDITION', 'BOOT_FROM_VOLUME'],
    ['not on a host (failed build)', { vmState: 'ERROR', host: '' }, 'FAILED_PRECONDITION', 'NOT_ON_HOST'],
  ];
  for (const [what, o, code, reason] of cases) {
    it(`rebuild refused when ${what}: ${reason}`, () => {
      const r = imageVerbRefusal(view(o), 'rebuild') as StratoError;
      assert.equal(r.code, code);
      assert.equal(r.reason, reason);
    });
  }
  it('a busy server answers TASK_IN_PROGRESS before its state', () => {
    assert.equal(
      imageVerbRefusal(view({ vmState: 'BUILD', taskState: 'spawning' }), 'create image')?.reason,
      'TASK_IN_PROGRESS',
    );
  });
});

describe('update: legal states and metadata merge', () => {
  it('is refused only while deleting', () => {
    assert.equal(updateRefusal({ vmState: 'ACTIVE', taskState: 'deleting' })?.reason, 'INVALID_STATE');
    for (const vmState of VM_STATES) assert.equal(updateRefusal({ vmState, taskState: '' }), null);
    assert.equal(updateRefusal({ vmState: 'ACTIVE', taskState: 'image_snapshot' }), null);
  });

  const merges: Array<[string, Record<string, string>, Record<string, string>, string[], Record<string, string>]> = [
    ['sets new keys', { a: '1' }, { b: '2' }, [], { a: '1', b: '2' }],
    ['replaces a value', { a: '1' }, { a: '9' }, [], { a: '9' }],
    ['unsets, absent keys ignored', { a: '1', b: '2' }, {}, ['a', 'zz'], { b: '2' }],
    ['unset then set of one key keeps the set', { a: '1' }, { a: '2' }, ['a'], { a: '2' }],
  ];
  for (const [what, current, set, unset, want] of merges) {
    it(what, () => assert.deepEqual(mergeMetadata(current, set, unset), want));
  }

  it('refuses a result beyond 128 items, naming set_metadata; the input is untouched', () => {
    const current = Object.fromEntries(Array.from({ length: 128 }, (_, i) => [`k${i}`, 'v']));
    assert.throws(
      () => mergeMetadata(current, { extra: 'v' }, []),
      (e: StratoError) =>
        e.code === 'INVALID_ARGUMENT' && e.reason === 'METADATA_INVALID' && e.details?.field === 'set_metadata',
    );
    assert.equal(Object.keys(current).length, 128);
    assert.equal(Object.keys(mergeMetadata(current, { extra: 'v' }, ['k0'])).length, 128);
  });
});
