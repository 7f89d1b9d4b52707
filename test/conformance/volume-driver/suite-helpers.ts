// Helpers for the VolumeDriver conformance suite. Only the VolumeDriver interface is
// used, plus a subject's byte access (what a guest would read and write through the
// export), so the suite runs unchanged against every backend.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import type { VolumeDriver, WipePolicy } from '../../../agent/storage/volume-driver.ts';
import { log } from '../../../common/log.ts';

// Drivers log every create and delete; keep the test output to failures.
log.level = process.env.STRATO_LOG_LEVEL ?? 'error';

export const MiB = 1024 * 1024;

export interface DriverSubject {
  driver: VolumeDriver;
  /** Bytes of a volume, as an initiator would read them. */
  read(volumeId: string, offset: number, length: number): Promise<Buffer>;
  /** Writes (and flushes) bytes into a volume, as a guest would. */
  write(volumeId: string, offset: number, data: Uint8Array): Promise<void>;
  /**
   * A reader of the storage the volume occupies now (the file's blocks, the PV's
   * extents, the fake's memory) that keeps working after the volume is deleted, to see
   * what a delete left there.
   */
  retain(volumeId: string): Promise<(offset: number, length: number) => Promise<Buffer>>;
  /** Removes everything the factory made; called even when a test fails. */
  close(): Promise<void>;
}

export interface SubjectOptions {
  wipe: WipePolicy;
  /** Roughly what the backend may hold (file: a limit; lvm: the PV's size; fake: its total). */
  capacityBytes: number;
}

export type SubjectFactory = (opts: SubjectOptions) => Promise<DriverSubject>;

export const DEFAULTS: SubjectOptions = { wipe: 'zero', capacityBytes: 96 * MiB };

/** A fresh, initialised subject for one test, closed after it whatever happens. */
export async function useSubject(
  t: TestContext,
  factory: SubjectFactory,
  opts: Partial<SubjectOptions> = {},
): Promise<DriverSubject> {
  const subject = await factory({ ...DEFAULTS, ...opts });
  t.after(() => subject.close());
  await subject.driver.init();
  return subject;
}

export const id = (): string => randomUUID();

/** The smallest size the backend hands out exactly (its allocation unit, at least 1 MiB). */
export const unit = (d: VolumeDriver): number => Math.max(MiB, d.capabilities().sizeGranularityBytes);

export const pattern = (n: number): Buffer => randomBytes(n);

export const isZero = (b: Buffer): boolean => b.every((x) => x === 0);

// The same check as the store suite's: a StratoError of this code and reason.
export { rejectsWith } from '../store/suite-helpers.ts';

/** Everything a caller can observe of the driver's state, to check that a failure changed nothing. */
export async function observable(d: VolumeDriver): Promise<unknown> {
  const [inv, cap] = await Promise.all([d.list(), d.capacity()]);
  const byId = <T extends object>(a: T[], k: keyof T) =>
    [...a].sort((x, y) => String(x[k]).localeCompare(String(y[k])));
  return {
    volumes: byId(inv.volumes, 'volumeId'),
    snapshots: byId(inv.snapshots, 'snapshotId'),
    allocated: cap.allocatedBytes,
  };
}
