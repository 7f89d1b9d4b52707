// --wait: poll a Get RPC until the resource settles where the command meant
// it to go, fail with its fault when it lands elsewhere, or give up after a
// timeout. `pollUntil` is the loop, with an injectable clock; each resource
// brings its pure rule (`settle` here for servers, volume-wait.ts for volumes
// and snapshots), table-tested.
import { type Command, Option } from 'commander';
import type { Server__Output } from '../common/gen/strato/compute/v1/Server.ts';
import { seconds } from './args.ts';
import { CliError, EXIT, isApiError } from './errors.ts';

const DEFAULT_WAIT_S = '300';

/** The options addWait declares. */
export interface WaitOpts {
  wait?: boolean;
  /** Milliseconds. */
  waitTimeout: number;
}

/** `--wait` and `--wait-timeout <seconds>` on a command that starts something. */
export function addWait(cmd: Command, what: string): Command {
  return cmd.option('--wait', `wait until ${what}`).addOption(
    // The value is kept in ms; the help shows the default as the user types it.
    new Option('--wait-timeout <seconds>', 'give up waiting after this many seconds')
      .argParser(seconds)
      .default(seconds(DEFAULT_WAIT_S), DEFAULT_WAIT_S),
  );
}

export type Action = 'start' | 'stop' | 'reboot' | 'pause' | 'unpause' | 'suspend' | 'resume';
export const ACTIONS: readonly Action[] = ['start', 'stop', 'reboot', 'pause', 'unpause', 'suspend', 'resume'];

/** The vm_state each action ends in. */
export const ACTION_TARGET: Readonly<Record<Action, string>> = {
  start: 'ACTIVE',
  stop: 'SHUTOFF',
  reboot: 'ACTIVE',
  pause: 'PAUSED',
  unpause: 'ACTIVE',
  suspend: 'SUSPENDED',
  resume: 'ACTIVE',
};

/** What to wait for: a vm_state with no task running, or the server gone. */
export type Target = { vmState: string } | { gone: true };

export type Verdict = { kind: 'done' } | { kind: 'pending' } | { kind: 'failed'; message: string };

/** The server as seen by one poll; undefined = NOT_FOUND. */
export function settle(server: Server__Output | undefined, target: Target): Verdict {
  if (server === undefined) {
    return 'gone' in target ? { kind: 'done' } : { kind: 'failed', message: 'the server disappeared' };
  }
  if ('gone' in target && server.vmState === 'DELETED') return { kind: 'done' };
  // A task still running means the state is not final yet, even ERROR (an
  // admin may stop or hard-reboot a server in ERROR).
  if (server.taskState) return { kind: 'pending' };
  if ('vmState' in target && server.vmState === target.vmState) return { kind: 'done' };
  if (server.vmState === 'ERROR') return { kind: 'failed', message: faultText(server) };
  return { kind: 'pending' };
}

export function faultText(server: Server__Output): string {
  const f = server.fault;
  const what = `server ${server.name || server.id} is in ERROR`;
  if (!f?.message) return what;
  const facts = [f.code && `code ${f.code}`, f.reason && `reason ${f.reason}`].filter(Boolean).join(', ');
  return `${what}: ${f.message}${facts ? ` (${facts})` : ''}`;
}

export function stateText(server: Server__Output | undefined): string {
  if (!server) return 'gone';
  return server.taskState ? `${server.vmState}/${server.taskState}` : server.vmState;
}

export interface WaitOptions {
  timeoutMs: number;
  /** @default 500 */
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called when the observed state changes (progress on stderr). */
  onState?: (state: string) => void;
}

/** A Get RPC with NOT_FOUND as undefined (the resource is gone), as Poll.get wants it. */
export function unlessNotFound<T>(get: () => Promise<T>): () => Promise<T | undefined> {
  return async () => {
    try {
      return await get();
    } catch (err) {
      if (isApiError(err) && err.code === 'NOT_FOUND') return undefined;
      throw err;
    }
  };
}

/** One wait: how to fetch the resource and judge it. */
export interface Poll<T> {
  /** The resource for messages, e.g. `server vm1`. */
  what: string;
  /** The state waited for, for the timeout message, e.g. `ACTIVE`, `deleted`. */
  want: string;
  /** The Get RPC; resolves undefined on NOT_FOUND. */
  get: () => Promise<T | undefined>;
  settle: (item: T | undefined) => Verdict;
  /** A short state for progress notes and the timeout message. */
  state: (item: T | undefined) => string;
  /** Called after every poll, after onState (e.g. to draw a progress bar). */
  onPoll?: (item: T | undefined) => void;
}

/**
 * Polls until `settle` says done (resolves the last item seen, undefined when
 * gone) or failed (throws a CliError with its message); throws a CliError with
 * exit code UNAVAILABLE after the timeout.
 */
export async function pollUntil<T>(p: Poll<T>, opts: WaitOptions): Promise<T | undefined> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = opts.intervalMs ?? 500;
  const deadline = now() + opts.timeoutMs;
  let last = '';
  for (;;) {
    const item = await p.get();
    const state = p.state(item);
    if (state !== last) {
      opts.onState?.(state);
      last = state;
    }
    p.onPoll?.(item);
    const verdict = p.settle(item);
    if (verdict.kind === 'done') return item;
    if (verdict.kind === 'failed') throw new CliError(verdict.message, EXIT.ERROR);
    const left = deadline - now();
    if (left <= 0) {
      throw new CliError(
        `timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for ${p.what} to be ${p.want} (it is ${state})`,
        EXIT.UNAVAILABLE,
      );
    }
    await sleep(Math.min(interval, left));
  }
}

/**
 * Polls `get` (GetServer; it resolves undefined on NOT_FOUND) until `target`.
 * Resolves the last server seen (undefined when gone); throws a CliError
 * with the fault message on ERROR and with exit code UNAVAILABLE on timeout.
 */
export function waitFor(
  name: string,
  get: () => Promise<Server__Output | undefined>,
  target: Target,
  opts: WaitOptions,
): Promise<Server__Output | undefined> {
  return pollUntil(
    {
      what: `server ${name}`,
      want: 'gone' in target ? 'deleted' : target.vmState,
      get,
      settle: (s) => settle(s, target),
      state: stateText,
    },
    opts,
  );
}
