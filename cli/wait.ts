// --wait: poll GetServer until the server settles where the command meant it
// to go, fail with the server's fault when it lands in ERROR instead, or give
// up after a timeout. `settle` is the pure rule (table-tested); `waitFor`
// runs it with an injectable clock.
import type { Server__Output } from '../common/gen/strato/compute/v1/Server.ts';
import { CliError, EXIT } from './errors.ts';

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

/**
 * Polls `get` (GetServer; it resolves undefined on NOT_FOUND) until `target`.
 * Resolves the last server seen (undefined when gone); throws a CliError
 * with the fault message on ERROR and with exit code UNAVAILABLE on timeout.
 */
export async function waitFor(
  name: string,
  get: () => Promise<Server__Output | undefined>,
  target: Target,
  opts: WaitOptions,
): Promise<Server__Output | undefined> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = opts.intervalMs ?? 500;
  const deadline = now() + opts.timeoutMs;
  let last = '';
  for (;;) {
    const server = await get();
    const state = stateText(server);
    if (state !== last) {
      opts.onState?.(state);
      last = state;
    }
    const verdict = settle(server, target);
    if (verdict.kind === 'done') return server;
    if (verdict.kind === 'failed') throw new CliError(verdict.message, EXIT.ERROR);
    const left = deadline - now();
    if (left <= 0) {
      const want = 'gone' in target ? 'deleted' : target.vmState;
      throw new CliError(
        `timed out after ${Math.round(opts.timeoutMs / 1000)} s waiting for server ${name} to be ${want} (it is ${state})`,
        EXIT.UNAVAILABLE,
      );
    }
    await sleep(Math.min(interval, left));
  }
}
