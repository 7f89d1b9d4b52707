// Waiting for a guest to release a hot-unplugged device: virDomainDetachDeviceFlags
// only asks (QEMU's device_del); the guest acknowledges later, and libvirt then
// sends device-removed (or device-removal-failed). The live XML is re-read now and
// then as well, because an event lost with a reconnect must not hang the caller.
// Any device with an alias (a NIC `net1`, a disk `virtio-disk2`) is waited for alike.
import { type ErrorCode, StratoError } from '../../../common/errors.ts';
import { parseXml } from './domain-xml-parse.ts';
import type { DeviceEvent } from './events.ts';
import type { LibvirtClient } from './libvirt-client.ts';

export interface Released {
  wait: Promise<void>;
  cancel(): void;
}

/** True when some device of the domain XML carries `<alias name=alias>`. */
export function hasDeviceAlias(domainXml: string, alias: string): boolean {
  const devices = parseXml(domainXml).children.find((c) => c.name === 'devices');
  return (devices?.children ?? []).some((d) => d.children.some((c) => c.name === 'alias' && c.attrs['name'] === alias));
}

export interface ReleaseOptions {
  /** The code a timeout fails with (DETACH_TIMEOUT): the caller's contract decides. @default UNAVAILABLE */
  timeoutCode?: ErrorCode;
  /** What the device is, for the message (e.g. `volume <id>`). @default the alias */
  what?: string;
}

/**
 * Resolves when the guest released device `alias` (device-removed, or the live XML no
 * longer has it: libvirt may have waited for it inside detachDevice already).
 */
export function deviceReleased(
  client: LibvirtClient,
  domain: string,
  alias: string,
  timeoutMs: number,
  options: ReleaseOptions = {},
): Released {
  const what = options.what ?? alias;
  let cancel = (): void => {};
  const wait = new Promise<void>((resolve, reject) => {
    const stillThere = async (): Promise<boolean> => {
      // A domain that is gone (or stopped) holds no device any more.
      const xml = await client.getDomainXml(domain).catch(() => undefined);
      return xml !== undefined && hasDeviceAlias(xml, alias);
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
      finish(new StratoError('FAILED_PRECONDITION', 'DEVICE_REMOVAL_FAILED', `the guest refused to release ${what}`));
    };
    // The event is the fast path; a slow re-read of the XML covers an event lost with a reconnect.
    const poll = setInterval(() => {
      void stillThere().then((there) => {
        if (!there) finish();
      });
    }, 2000);
    const timer = setTimeout(() => {
      finish(
        new StratoError(
          options.timeoutCode ?? 'UNAVAILABLE',
          'DETACH_TIMEOUT',
          `the guest did not release ${what} within ${timeoutMs} ms; it stays attached and the detach may be repeated`,
          { details: { alias } },
        ),
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
