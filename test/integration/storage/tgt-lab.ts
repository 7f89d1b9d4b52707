// A private iSCSI lab: a "storage host" network namespace running its own tgtd (own
// control port, so the shared tgtd is never touched), an "initiator host" namespace
// joined to it by a veth pair, and QEMU's iSCSI initiator (qemu-io, libiscsi) run in
// the initiator namespace with CHAP. Everything is named with a per-run tag and
// removed by close(), also after a failure.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tgtadm } from '../../../agent/storage/iscsi/tgtadm.ts';
import { runProcess } from '../../../agent/storage/run-process.ts';
import { PrivateTgtd } from '../../harness/private-tgtd.ts';
import { waitFor } from '../../harness/wait.ts';

export interface Login {
  iqn: string;
  user: string;
  secret: string;
  initiatorName: string;
  /** Route the connection from this address of the initiator namespace. @default its main address */
  from?: string;
}

export interface IoResult {
  code: number;
  out: string;
}

export interface Session {
  /** Runs one qemu-io command on the open connection; resolves with its output. */
  command(cmd: string): Promise<string>;
  close(): Promise<void>;
}

const sh = async (argv: string[]): Promise<string> => {
  const r = await runProcess(argv, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
};

export class TgtLab {
  readonly tag = randomBytes(3).toString('hex');
  readonly targetNs = `strato-st-${this.tag}-t`;
  readonly initiatorNs = `strato-st-${this.tag}-i`;
  readonly subnet = `10.231.${randomBytes(1)[0]! % 250}`;
  readonly targetIp = `${this.subnet}.1`;
  readonly initiatorIp = `${this.subnet}.2`;
  /** A second address of the initiator host, which no export allows. */
  readonly otherIp = `${this.subnet}.3`;
  readonly #tgtd = new PrivateTgtd(this.targetNs);
  readonly controlPort = this.#tgtd.controlPort;
  readonly tgtadm: Tgtadm = this.#tgtd.tgtadm;
  dir = '';
  #made: string[] = [];
  readonly #sessions = new Set<Session>();

  async open(): Promise<this> {
    this.dir = await mkdtemp(join(tmpdir(), 'strato-tgtlab-'));
    await chmod(this.dir, 0o700);
    for (const ns of [this.targetNs, this.initiatorNs]) {
      await sh(['ip', 'netns', 'add', ns]);
      this.#made.push(ns);
      await sh(['ip', '-n', ns, 'link', 'set', 'lo', 'up']);
    }
    await sh([
      'ip',
      '-n',
      this.targetNs,
      'link',
      'add',
      'vt',
      'type',
      'veth',
      'peer',
      'name',
      'vi',
      'netns',
      this.initiatorNs,
    ]);
    await sh(['ip', '-n', this.targetNs, 'addr', 'add', `${this.targetIp}/24`, 'dev', 'vt']);
    await sh(['ip', '-n', this.initiatorNs, 'addr', 'add', `${this.initiatorIp}/24`, 'dev', 'vi']);
    await sh(['ip', '-n', this.initiatorNs, 'addr', 'add', `${this.otherIp}/24`, 'dev', 'vi']);
    await sh(['ip', '-n', this.targetNs, 'link', 'set', 'vt', 'up']);
    await sh(['ip', '-n', this.initiatorNs, 'link', 'set', 'vi', 'up']);
    await this.startTgtd();
    return this;
  }

  /** Starts the lab's tgtd (default portals: the wildcards, as a fresh tgtd has). */
  startTgtd(): Promise<void> {
    return this.#tgtd.start();
  }

  /** Kills the lab's tgtd (SIGKILL: all its state is lost, as in a crash). */
  killTgtd(): Promise<void> {
    return this.#tgtd.kill();
  }

  async #secretFile(secret: string): Promise<string> {
    const path = join(this.dir, `secret-${randomBytes(4).toString('hex')}`);
    await writeFile(path, secret, { mode: 0o600 });
    return path;
  }

  async #argv(login: Login, tool: 'qemu-io' | 'qemu-img', tail: string[] = []): Promise<string[]> {
    const secretFile = await this.#secretFile(login.secret);
    const opts = [
      'driver=raw',
      'file.driver=iscsi',
      'file.transport=tcp',
      `file.portal=${this.targetIp}:3260`,
      `file.target=${login.iqn}`,
      'file.lun=1',
      `file.user=${login.user}`,
      'file.password-secret=sec0',
      `file.initiator-name=${login.initiatorName}`,
    ].join(',');
    return [
      'nsenter',
      `--net=/run/netns/${this.initiatorNs}`,
      '--',
      tool,
      ...tail,
      '--object',
      `secret,id=sec0,file=${secretFile}`,
      '--image-opts',
      opts,
    ];
  }

  /** The route to the target from `from` (the source address a login uses). */
  async #route(from: string | undefined): Promise<void> {
    await sh([
      'ip',
      '-n',
      this.initiatorNs,
      'route',
      'replace',
      `${this.targetIp}/32`,
      'dev',
      'vi',
      'src',
      from ?? this.initiatorIp,
    ]);
  }

  /** One qemu-io run with `commands` (`-c` each); never throws for a refused login. */
  async qemuIo(login: Login, commands: string[]): Promise<IoResult> {
    await this.#route(login.from);
    const argv = [...(await this.#argv(login, 'qemu-io')), ...commands.flatMap((c) => ['-c', c])];
    const r = await runProcess(argv, { timeoutMs: 60_000 });
    return { code: r.code, out: `${r.stdout}${r.stderr}` };
  }

  /** Every byte of the LUN, copied over iSCSI into a raw file of the lab. */
  async copyOut(login: Login): Promise<Buffer> {
    await this.#route(login.from);
    const out = join(this.dir, `copy-${randomBytes(4).toString('hex')}.raw`);
    const argv = await this.#argv(login, 'qemu-img', ['convert', '-O', 'raw']);
    const r = await runProcess([...argv, out], { timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(`qemu-img convert: ${r.stderr}`);
    const bytes = await readFile(out);
    await rm(out, { force: true });
    return bytes;
  }

  /** The LUN's size as a new login sees it. */
  async lunSize(login: Login): Promise<number> {
    await this.#route(login.from);
    const r = await runProcess(await this.#argv(login, 'qemu-img', ['info', '--output=json']), { timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`qemu-img info: ${r.stderr}`);
    return (JSON.parse(r.stdout) as { 'virtual-size': number })['virtual-size'];
  }

  /** A qemu-io that stays logged in, reading commands from its stdin. */
  async session(login: Login): Promise<Session> {
    await this.#route(login.from);
    const argv = await this.#argv(login, 'qemu-io');
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString('utf8');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const printed = (marker: RegExp, from: number): Promise<string> =>
      waitFor(
        () => {
          const seen = out.slice(from);
          if (!marker.test(seen) && child.exitCode !== null) throw new Error(`qemu-io exited: ${out}`);
          return seen;
        },
        (seen) => marker.test(seen),
        { what: `qemu-io to print ${marker}`, timeoutMs: 30_000, intervalMs: 50 },
      );
    const session: Session = {
      async command(cmd) {
        const from = out.length;
        child.stdin.write(`${cmd}\n`);
        return printed(/qemu-io> $/, from);
      },
      async close() {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once('exit', r));
        child.stdin.end('quit\n');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      },
    };
    this.#sessions.add(session);
    try {
      await printed(/qemu-io> /, 0);
    } catch (err) {
      await session.close();
      throw err;
    }
    return session;
  }

  async close(): Promise<void> {
    for (const s of this.#sessions) await s.close();
    await this.killTgtd();
    for (const ns of this.#made.reverse()) await sh(['ip', 'netns', 'del', ns]).catch(() => {});
    if (this.dir !== '') await rm(this.dir, { recursive: true, force: true });
  }
}
