// The daemons' settings as an installed host sees them: each daemon's flag table, its
// environment prefix, and the settings its systemd unit makes itself. Shared by the
// EnvironmentFile writer (env-file.ts) and the configuration reference
// (reference-docs.ts), so the file install-host writes and docs/configuration.md list
// the same settings.
import type { FlagTable } from '../../common/daemon-flags.ts';
import { AGENT_FLAGS, ENV_PREFIX as AGENT_PREFIX } from '../../agent/config.ts';
import { CONDUCTOR_FLAGS, ENV_PREFIX as CONDUCTOR_PREFIX } from '../../conductor/config.ts';

export type DaemonName = 'conductor' | 'agent';

export interface DaemonTable {
  /** Every flag of the daemon (the command line's table). */
  flags: FlagTable;
  /** The flags the environment (and so the EnvironmentFile) can set. */
  envFlags: FlagTable;
  prefix: string;
  /** Settings the unit makes itself (by flag name: how), not the EnvironmentFile's to change. */
  managed: Readonly<Record<string, string>>;
}

export const DAEMON_TABLES: Readonly<Record<DaemonName, DaemonTable>> = {
  conductor: {
    flags: CONDUCTOR_FLAGS,
    // --config is a flag only: settings beyond these go in a JSON file given with it.
    envFlags: Object.fromEntries(Object.entries(CONDUCTOR_FLAGS).filter(([name]) => name !== 'config')),
    prefix: CONDUCTOR_PREFIX,
    managed: {
      'data-dir': 'its StateDirectory, /var/lib/strato/conductor',
      'tls-dir': "systemd's private copy of /etc/strato/tls (LoadCredential)",
    },
  },
  agent: { flags: AGENT_FLAGS, envFlags: AGENT_FLAGS, prefix: AGENT_PREFIX, managed: {} },
};
