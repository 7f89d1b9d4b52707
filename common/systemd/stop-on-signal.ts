// How both daemons end on SIGTERM (systemctl stop) or SIGINT: STOPPING=1 first, so
// systemd shows the drain, then the daemon's own graceful stop (stop taking calls,
// let running ones finish, close the store or libvirt) within TimeoutStopSec, then
// exit 0 — or 1 when the stop failed, so Restart=on-failure brings it back.
import type { Logger } from '../log.ts';
import type { ServiceNotifier } from './service-notifier.ts';

export function stopOnSignal(notifier: ServiceNotifier, stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    notifier
      .stopping()
      .then(stop)
      .then(
        () => {
          notifier.close();
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'unclean stop');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
