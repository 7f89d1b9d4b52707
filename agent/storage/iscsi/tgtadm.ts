// tgtadm, the one way strato talks to tgtd. Each call has a deadline; a daemon that
// does not answer is UNAVAILABLE (retry later), never a failed export. The control
// port selects the tgtd instance (0 is the host's; a simulated host runs its own).
// CHAP secrets travel as arguments (tgtadm has no other way; Cinder's tgt-admin does
// the same): the call lasts milliseconds and runs as root.
import { StratoError, unavailable } from '../../../common/errors.ts';
import { runProcess } from '../run-process.ts';
import { parseAccounts, parsePortals, parseTargets, type TgtTarget } from './tgt-show.ts';

export interface TgtadmOptions {
  /** tgtd's management port (`tgtd -C N`, socket /run/tgtd/socket.N). @default 0 */
  controlPort?: number;
  /** @default 30000 */
  timeoutMs?: number;
}

export class Tgtadm {
  readonly #port: number;
  readonly #timeoutMs: number;

  constructor(opts: TgtadmOptions = {}) {
    this.#port = opts.controlPort ?? 0;
    this.#timeoutMs = opts.timeoutMs ?? 30_000;
  }

  /** Runs `tgtadm --lld iscsi <args>`; resolves with stdout. */
  async run(args: readonly string[]): Promise<string> {
    const argv = ['tgtadm', '-C', String(this.#port), '--lld', 'iscsi', ...args];
    const r = await runProcess(argv, { timeoutMs: this.#timeoutMs });
    if (r.code === 0) return r.stdout;
    const words =
      r.stderr
        .trim()
        .replace(/^tgtadm: /, '')
        .slice(0, 500) || `exit ${r.code}`;
    // The op and mode say what failed; never the arguments (one of them may be a CHAP secret).
    const what = `${args[1] ?? ''} ${args[3] ?? ''}`.trim();
    const details = { tool: 'tgtadm', exitCode: String(r.code), op: what };
    if (/tgt daemon|Transport endpoint|Connection refused|No such file/.test(words)) {
      throw unavailable('TGTD_UNAVAILABLE', `tgtd (control port ${this.#port}) is not answering: ${words}`, {
        details,
      });
    }
    throw new StratoError('INTERNAL', 'TGTADM_FAILED', `tgtadm ${what} failed: ${words}`, { details });
  }

  async targets(): Promise<TgtTarget[]> {
    return parseTargets(await this.run(['--op', 'show', '--mode', 'target']));
  }

  async accounts(): Promise<string[]> {
    return parseAccounts(await this.run(['--op', 'show', '--mode', 'account']));
  }

  async portals(): Promise<{ address: string; port: number }[]> {
    return parsePortals(await this.run(['--op', 'show', '--mode', 'portal']));
  }
}
