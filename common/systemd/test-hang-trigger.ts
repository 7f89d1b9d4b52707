// TEST ONLY. With STRATO_TEST_HANG_TRIGGER=1 in its environment, a daemon blocks its
// event loop forever on SIGUSR2, so a test can show that the systemd watchdog kills and
// restarts a hung daemon (test/integration/systemd/). Never set it on a real host: the
// variable exists only for those tests, and without it SIGUSR2 keeps Node's default
// (terminate), as before.
import type { Logger } from '../log.ts';

export const TEST_HANG_ENV = 'STRATO_TEST_HANG_TRIGGER';

export function armTestHangTrigger(log: Logger, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env[TEST_HANG_ENV] !== '1') return false;
  log.warn({ signal: 'SIGUSR2' }, 'test-only hang trigger armed');
  process.on('SIGUSR2', () => {
    log.warn('test-only hang trigger fired: blocking the event loop');
    for (;;) {
      // Spins until the watchdog's SIGABRT: nothing else runs in this process any more.
    }
  });
  return true;
}
