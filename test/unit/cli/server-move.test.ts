// When the move commands' --wait is done: a migration at rest (finished, or a
// resize's confirm/revert) or failed with its reason; a resize that reached
// RESIZED, or went back without it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { settleMigration, settleResize, waitOptsOf } from '../../../cli/commands/server-move.ts';
import { addWait, type WaitOpts } from '../../../cli/wait.ts';
import type { Migration__Output } from '../../../common/gen/strato/compute/v1/Migration.ts';
import type { Server__Output } from '../../../common/gen/strato/compute/v1/Server.ts';

const mig = (status: string, error = '') => ({ id: 'm1', status, error }) as Migration__Output;
const srv = (vmState: string, taskState = '') => ({ id: 's', name: 'vm', vmState, taskState }) as Server__Output;

describe('settleMigration', () => {
  for (const [status, kind] of [
    ['queued', 'pending'],
    ['preparing', 'pending'],
    ['running', 'pending'],
    ['post-migrating', 'pending'],
    ['finished', 'done'],
    ['confirmed', 'done'],
    ['reverted', 'done'],
    ['error', 'failed'],
    ['cancelled', 'failed'],
  ] as const) {
    it(`${status} → ${kind}`, () => assert.equal(settleMigration(mig(status)).kind, kind));
  }
  it('says why it failed', () => {
    const v = settleMigration(mig('error', 'RESOURCE_EXHAUSTED NO_VALID_HOST: none'));
    assert.equal(v.kind, 'failed');
    assert.match(v.kind === 'failed' ? v.message : '', /NO_VALID_HOST/);
  });
  it('a migration that disappeared failed', () => assert.equal(settleMigration(undefined).kind, 'failed'));
});

describe('settleResize', () => {
  it('waits while a task runs', () =>
    assert.equal(settleResize(srv('ACTIVE', 'resize_migrating'), 'RESIZED').kind, 'pending'));
  it('is done at RESIZED', () => assert.equal(settleResize(srv('RESIZED'), 'RESIZED').kind, 'done'));
  it('failed when it came back without resizing', () => {
    const v = settleResize(srv('ACTIVE'), 'RESIZED');
    assert.equal(v.kind, 'failed');
    assert.match(v.kind === 'failed' ? v.message : '', /did not happen/);
  });
  it('a confirm or revert is done once it rests outside RESIZED', () => {
    assert.equal(settleResize(srv('RESIZED', 'resize_confirming'), 'rest').kind, 'pending');
    assert.equal(settleResize(srv('ACTIVE'), 'rest').kind, 'done');
    assert.equal(settleResize(srv('SHUTOFF'), 'rest').kind, 'done');
  });
});

// `resize` and `resize revert` both declare --wait: commander hands the options typed
// after `revert` to `resize`, and the revert once returned without waiting.
describe('resize confirm|revert --wait', () => {
  const parse = (argv: string[]): WaitOpts => {
    let got: WaitOpts | undefined;
    const root = new Command().exitOverride();
    const resize = addWait(root.command('resize').argument('[server]'), 'resized');
    addWait(resize.command('revert').argument('<server>'), 'reverted').action(
      (_ref: string, o: WaitOpts, c: Command) => {
        got = waitOptsOf(o, c);
      },
    );
    root.parse(['node', 'strato', ...argv]);
    assert.ok(got, 'the revert action ran');
    return got;
  };

  it('waits when --wait follows the server', () => {
    assert.deepEqual(parse(['resize', 'revert', 's1', '--wait', '--wait-timeout', '600']), {
      wait: true,
      waitTimeout: 600_000,
    });
  });

  it('does not wait without --wait', () => {
    assert.equal(parse(['resize', 'revert', 's1']).wait, false);
  });
});
