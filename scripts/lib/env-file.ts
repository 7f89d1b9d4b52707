// Prints a daemon's EnvironmentFile (/etc/strato/conductor.env, /etc/strato/agent.env)
// from its flag table, so the file lists every setting with its help and default and
// cannot drift from --help. Used by scripts/install-host:
//   node scripts/lib/env-file.ts conductor|agent [flag=value ...]
import { envFileText } from '../../common/daemon-flags.ts';
import { DAEMON_TABLES, type DaemonName } from './daemon-tables.ts';

const [daemon, ...pairs] = process.argv.slice(2);
const d = Object.hasOwn(DAEMON_TABLES, daemon ?? '') ? DAEMON_TABLES[daemon as DaemonName] : undefined;
if (d === undefined) {
  process.stderr.write('usage: env-file.ts conductor|agent [flag=value ...]\n');
  process.exit(2);
}
const set: Record<string, string> = {};
for (const p of pairs) {
  const eq = p.indexOf('=');
  if (eq <= 0 || /[\n\r]/.test(p)) {
    process.stderr.write(`env-file.ts: not a flag=value pair: ${JSON.stringify(p)}\n`);
    process.exit(2);
  }
  set[p.slice(0, eq)] = p.slice(eq + 1);
}
try {
  process.stdout.write(
    envFileText(d.envFlags, d.prefix, {
      header: [
        `strato-${daemon}'s settings, read by strato-${daemon}.service (EnvironmentFile=).`,
        "Written by scripts/install-host from the daemon's own flag table: every setting is listed",
        `with its default; a flag of the same name on the command line wins (strato-${daemon} --help).`,
        `After a change: systemctl restart strato-${daemon}`,
      ],
      set,
      managed: d.managed,
    }),
  );
} catch (err) {
  process.stderr.write(`env-file.ts: ${(err as Error).message}\n`);
  process.exit(2);
}
