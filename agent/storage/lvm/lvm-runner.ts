// Every lvm2 command goes through here: one place for the deadline, the environment,
// the `--config` that disables activation where device-mapper is missing (HOST-FACTS:
// lvcreate otherwise fails "Required device-mapper target(s) not detected"), the JSON
// report flags, and the mapping of lvm2's refusals to strato errors.
import { failedPrecondition, StratoError } from '../../../common/errors.ts';
import { runProcess } from '../run-process.ts';

export interface LvmRunnerOptions {
  /** false where /dev/mapper/control is absent: metadata only (`global/activation=0`). */
  activation: boolean;
  /** More `--config` settings, e.g. tests' `backup/backup=0 backup/archive=0`. */
  extraConfig?: string;
  /** @default 60000 */
  timeoutMs?: number;
}

export type LvmCommand = 'lvs' | 'vgs' | 'pvs' | 'lvcreate' | 'lvextend' | 'lvrename' | 'lvremove' | 'lvchange';

const REPORTS = new Set<LvmCommand>(['lvs', 'vgs', 'pvs']);

/** lvm2's stderr without its warnings (activation disabled, no backup …), which explain nothing. */
export const lvmWords = (stderr: string): string =>
  stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('WARNING:'))
    .join(' ')
    .slice(0, 1000);

export class LvmRunner {
  readonly #opts: LvmRunnerOptions;

  constructor(opts: LvmRunnerOptions) {
    this.#opts = opts;
  }

  get activation(): boolean {
    return this.#opts.activation;
  }

  #config(): string[] {
    const parts = [];
    if (!this.#opts.activation) parts.push('global/activation=0');
    if (this.#opts.extraConfig) parts.push(this.#opts.extraConfig);
    return parts.length === 0 ? [] : ['--config', parts.join(' ')];
  }

  /** Runs a command; resolves with stdout, rejects with a strato error quoting lvm2. */
  async run(cmd: LvmCommand, args: readonly string[]): Promise<string> {
    const argv = [
      cmd,
      ...this.#config(),
      ...(REPORTS.has(cmd) ? ['--reportformat', 'json', '--units', 'b', '--nosuffix'] : []),
      ...args,
    ];
    const r = await runProcess(argv, {
      timeoutMs: this.#opts.timeoutMs ?? 60_000,
      // lvm2 complains about every inherited descriptor (Node's pipes) on stderr.
      env: { LVM_SUPPRESS_FD_WARNINGS: '1' },
    });
    if (r.code === 0) return r.stdout;
    const words = lvmWords(r.stderr) || `exit ${r.code}`;
    const details = { tool: cmd, exitCode: String(r.code) };
    if (/insufficient (free )?(space|extents)/i.test(words)) {
      throw new StratoError('RESOURCE_EXHAUSTED', 'INSUFFICIENT_CAPACITY', `${cmd}: ${words}`, { details });
    }
    if (/Volume group "[^"]*" not found/.test(words)) {
      throw failedPrecondition('VOLUME_GROUP_NOT_FOUND', `${cmd}: ${words}`, { details });
    }
    throw new StratoError('INTERNAL', 'LVM_FAILED', `${cmd} failed: ${words}`, { details });
  }

  async report(cmd: 'lvs' | 'vgs' | 'pvs', args: readonly string[]): Promise<unknown> {
    return JSON.parse(await this.run(cmd, args));
  }
}
