// Where systemd is PID 1, each network's dnsmasq runs in a transient unit of its own
// (strato-dnsmasq-<namespace>.service) instead of in the agent's cgroup: stopping,
// restarting or watchdog-killing strato-agent.service then never takes DHCP down with
// it, while KillMode=mixed still reaps the agent's other helpers; systemd restarts a
// crashed dnsmasq by itself, and `systemctl status strato-dnsmasq-*` shows them. A
// transient unit (systemd-run) rather than a template: dnsmasq's argv is data the agent
// computes (dnsmasq-config.ts), and a template would need it written to a file first.
// Without systemd (CI, development machines, the simulated hosts of the e2e tests)
// dnsmasq daemonizes as before. Either way the agent finds it again through its pid
// file (dnsmasq-process.ts). Pure, but for the one fact read from the host.
import { existsSync } from 'node:fs';
import { NETNS_RUN_DIR } from '../netlink/namespaces.ts';

/** sd_booted(3): systemd is PID 1 of the mount namespace the agent sees. */
export function systemdBooted(): boolean {
  return existsSync('/run/systemd/system');
}

export const dnsmasqUnitName = (namespace: string): string => `strato-dnsmasq-${namespace}.service`;

/**
 * The systemd-run command that starts dnsmasq (`argv`, which daemonizes and writes
 * `pidFile`) in namespace `namespace` as a unit of its own. systemd-run returns once
 * the unit is started, i.e. once dnsmasq's parent exited after its daemon was ready.
 */
export function dnsmasqUnitCommand(namespace: string, argv: readonly string[], pidFile: string): string[] {
  const properties = [
    'Type=forking',
    `PIDFile=${pidFile}`,
    `NetworkNamespacePath=${NETNS_RUN_DIR}/${namespace}`,
    'Restart=on-failure',
    'RestartSec=1s',
    // dnsmasq drops to strato-dnsmasq itself once its sockets are bound; it writes only
    // its pid, lease and log files, all in the agent's state dir under /var.
    'NoNewPrivileges=yes',
    'ProtectSystem=full',
    'ProtectHome=yes',
    'PrivateTmp=yes',
    'ProtectKernelModules=yes',
    'ProtectKernelTunables=yes',
    'ProtectControlGroups=yes',
    'CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_NET_RAW CAP_NET_ADMIN CAP_SETUID CAP_SETGID CAP_CHOWN CAP_DAC_OVERRIDE',
  ];
  return [
    'systemd-run',
    '--quiet',
    '--collect',
    `--unit=${dnsmasqUnitName(namespace)}`,
    `--description=strato DHCP (dnsmasq) in ${namespace}`,
    ...properties.map((p) => `--property=${p}`),
    '--',
    ...argv,
  ];
}
