// The conductor's one-line account of itself for systemd's STATUS= (and `systemctl
// status`): how many agents it hears from, or that its store fails. Reading the hosts
// goes through the store, so a store that stopped answering shows here first.
import { isStratoError } from '../common/errors.ts';
import type { HostRegistry } from './hosts/host-registry.ts';

export async function conductorStatus(hosts: Pick<HostRegistry, 'list' | 'state'>): Promise<string> {
  let list: Awaited<ReturnType<HostRegistry['list']>>;
  try {
    list = await hosts.list();
  } catch (err) {
    const reason = isStratoError(err) ? err.reason : ((err as NodeJS.ErrnoException).code ?? 'error');
    return `degraded: store unusable (${reason})`;
  }
  const up = list.filter((h) => hosts.state(h) === 'up').length;
  const down = list.length - up;
  const plural = (n: number) => (n === 1 ? 'host' : 'hosts');
  return `serving, ${up} ${plural(up)} up${down > 0 ? `, ${down} down` : ''}`;
}
