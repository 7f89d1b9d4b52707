// Waiting for a guest to release a hot-unplugged device: virDomainDetachDeviceFlags
// only asks (QEMU's device_del); the guest acknowledges later, and libvirt then
// sends device-removed (or device-removal-failed). The live XML is re-read now and
// then as well, because an event lost with a reconnect must not hang the caller.
import { StratoError } from '../../../common/errors.ts';
import type { DeviceEvent } from './events.ts';
import { domainInterfaces } from './interface-lookup.ts';
import type { LibvirtClient } from './libvirt-client.ts';

export interface Released {
  wait: Promise<void>;
  cancel(): void;
}

/**
 * Resolves when the guest released device `alias` (device-removed, or the live XML no
 * longer has it: libvirt may have waited for it inside detachDevice already).
 */
export function deviceReleased(client: LibvirtClient, domain: string, alias: string, timeoutMs: number): Released {
  let cancel = (): void => {};
  const wait = new Promise<void>((resolve, reject) => {
    const stillThere = async (): Promise<boolean> => {
      // A domain that is gone (or stopped) holds no device any more.
      const xml = await client.getDomainXml(domain).catch(() => undefined);
      return xml !== undefined && domainInterfaces(xml).some((i) => i.alias === alias);
    };
    const finish = (err?: Error): void => {
      cancel();
      if (err) reject(err);
      else resolve();
    };
    const onRemoved = (ev: DeviceEvent): void => {
      if (ev.domain.name === domain && ev.devAlias === alias) finish();
    };
    const onFailed = (ev: DeviceEvent): void => {
      if (ev.domain.name !== domain || ev.devAlias !== alias) return;
      finish(new StratoError('FAILED_PRECONDITION', 'DEVICE_REMOVAL_FAILED', `the guest refused to release ${alias}`));
    };
    // The event is the fast path; a slow re-read of the XML covers an event lost with a reconnect.
    const poll = setInterval(() => {
      void stillThere().then((there) => {
        if (!there) finish();
      });
    }, 2000);
    const timer = setTimeout(() => {
      finish(
        new StratoError('UNAVAILABLE', 'DETACH_TIMEOUT', `the guest did not release ${alias} within ${timeoutMs} ms`, {
          details: { alias },
        }),
      );
    }, timeoutMs);
    client.on('device-removed', onRemoved);
    client.on('device-removal-failed', onFailed);
    cancel = () => {
      clearInterval(poll);
      clearTimeout(timer);
      client.off('device-removed', onRemoved);
      client.off('device-removal-failed', onFailed);
    };
  });
  wait.catch(() => {});
  return { wait, cancel: () => cancel() };
}
