// User data for the test guest and reading its answers off the console. Every boot
// prints the kernel's random boot id, so a test tells a new boot from the same one
// whether or not the console log was truncated in between (a new QEMU process starts
// an empty log); a ticker shows the guest is running (ticks carry the guest's uptime,
// which a resumed guest continues and a rebooted one restarts).

export const BOOT_ID = 'E2E-BOOT-ID';
export const TICK = 'E2E-TICK';

export interface UserDataOptions {
  /** Printed once per boot as `E2E-MARK <marker>`. */
  marker?: string;
  /** Print a tick every second, forever. */
  ticker?: boolean;
  /** Shell lines run last (e.g. `sleep 20; poweroff`). */
  finally?: string;
}

export function userData(o: UserDataOptions = {}): Buffer {
  const lines = ['#!/bin/sh', `echo ${BOOT_ID} $(cat /proc/sys/kernel/random/boot_id)`];
  if (o.marker) lines.push(`echo E2E-MARK ${o.marker}`);
  if (o.ticker) lines.push(`(while :; do echo ${TICK} $(cut -d' ' -f1 /proc/uptime); sleep 1; done) &`);
  if (o.finally) lines.push(o.finally);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Boot ids seen on the console, oldest first. */
export function bootIds(lines: readonly string[]): string[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${BOOT_ID} ([0-9a-f-]{36})`).exec(l);
    return m ? [m[1]!] : [];
  });
}

/** Guest uptimes (seconds) of the ticks on the console, oldest first. */
export function ticks(lines: readonly string[]): number[] {
  return lines.flatMap((l) => {
    const m = new RegExp(`${TICK} ([0-9.]+)`).exec(l);
    return m ? [Number(m[1])] : [];
  });
}
