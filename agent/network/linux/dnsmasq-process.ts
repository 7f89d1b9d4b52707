// dnsmasq processes: started daemonized inside the DHCP namespace (dnsmasq forks and
// its parent exits once the daemon is ready) — in a unit of its own where systemd runs
// (dnsmasq-unit.ts), else through nsenter —, found again after an agent restart through
// its pid file — trusted only when /proc/<pid>/cmdline shows a dnsmasq using that very
// pid file — reloaded with SIGHUP, stopped with SIGTERM (which also ends its unit).
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { internal } from '../../../common/errors.ts';
import { DNSMASQ_BINARY } from './dnsmasq-config.ts';
import { dnsmasqUnitCommand, dnsmasqUnitName, systemdBooted } from './dnsmasq-unit.ts';
import { inNetns, runChecked, runCommand } from './run-command.ts';

async function readCmdline(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (raw === '') return undefined; // a zombie or a kernel thread
    return raw.replace(/\0$/, '').split('\0');
  } catch {
    return undefined;
  }
}

async function readPidFile(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 1 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The running dnsmasq that owns `pidFile`, verified through its command line. */
export async function findDnsmasq(pidFile: string): Promise<{ pid: number; argv: string[] } | undefined> {
  const pid = await readPidFile(pidFile);
  if (pid === undefined) return undefined;
  const argv = await readCmdline(pid);
  if (argv === undefined || !/(^|\/)dnsmasq$/.test(argv[0] ?? '') || !argv.includes(`--pid-file=${pidFile}`)) {
    return undefined;
  }
  // systemd-run starts the program by its resolved path (/usr/sbin/dnsmasq): the same
  // program the planned argv names by its bare name, so compare them as equal.
  return { pid, argv: [DNSMASQ_BINARY, ...argv.slice(1)] };
}

export async function startDnsmasq(namespace: string, argv: readonly string[], pidFile: string): Promise<number> {
  if (systemdBooted()) {
    const command = dnsmasqUnitCommand(namespace, argv, pidFile);
    if ((await runCommand(command)).code !== 0) {
      // No dnsmasq owns the pid file (or this step would not run), so a unit of that
      // name still loaded is a dead or stuck one: clear it and try once more.
      await runCommand(['systemctl', 'stop', dnsmasqUnitName(namespace)]);
      await runCommand(['systemctl', 'reset-failed', dnsmasqUnitName(namespace)]);
      await runChecked(command, 'DNSMASQ_START_FAILED');
    }
  } else {
    await runChecked([...inNetns(namespace), ...argv], 'DNSMASQ_START_FAILED');
  }
  // The parent exits after the daemon wrote its pid file; allow a little slack anyway.
  for (let i = 0; i < 100; i++) {
    const found = await findDnsmasq(pidFile);
    if (found !== undefined) return found.pid;
    await sleep(20);
  }
  throw internal('DNSMASQ_START_FAILED', `dnsmasq in ${namespace} did not write ${pidFile}`);
}

export function reloadDnsmasq(pid: number): void {
  process.kill(pid, 'SIGHUP');
}

async function alive(pid: number, pidFile: string): Promise<boolean> {
  const argv = await readCmdline(pid);
  return argv?.includes(`--pid-file=${pidFile}`) === true;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopDnsmasq(pid: number, pidFile: string, graceMs = 2000): Promise<void> {
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(pid, sig);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  };
  if (!(await alive(pid, pidFile))) return;
  signal('SIGTERM');
  for (let waited = 0; waited < graceMs; waited += 10) {
    if (!(await alive(pid, pidFile))) return;
    await sleep(10);
  }
  signal('SIGKILL');
  for (let i = 0; i < 100; i++) {
    if (!(await alive(pid, pidFile))) return;
    await sleep(10);
  }
  throw internal('DNSMASQ_STOP_FAILED', `dnsmasq ${pid} did not exit`);
}
