// The gid of the account dnsmasq runs as: its files, and the directories down to
// them, are group-owned by it (see state-dir/file-access.ts).
import { groupId } from '../../state-dir/accounts.ts';
import { DNSMASQ_ACCOUNT } from './dnsmasq-config.ts';

let cached: Promise<number> | undefined;

/** Looked up once per process; a failed lookup is tried again on the next call. */
export function dnsmasqGid(): Promise<number> {
  cached ??= groupId(DNSMASQ_ACCOUNT, 'scripts/setup-host creates the account dnsmasq runs as').catch(
    (err: unknown) => {
      cached = undefined;
      throw err;
    },
  );
  return cached;
}
