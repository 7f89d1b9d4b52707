// What end-to-end tests do with volumes through the public API (create, wait for a
// status, attach, detach, delete), and the lines test guests run to use them: the
// image's `strato-vol` finds a disk by the volume id as its serial and prints what it
// wrote and read (scripts/test-image/README.md).
import { isStratoError } from '../../../common/errors.ts';
import type { CreateVolumeRequest } from '../../../common/gen/strato/volume/v1/CreateVolumeRequest.ts';
import type { Volume__Output } from '../../../common/gen/strato/volume/v1/Volume.ts';
import { waitFor } from '../../harness/wait.ts';
import type { Api } from './api.ts';

export type Volume = Volume__Output;

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

const BUSY = new Set(['creating', 'downloading', 'attaching', 'detaching', 'extending', 'deleting']);

/** A volume no operation is working on (available, in-use or error). */
export const settled = (v: Volume): boolean => !BUSY.has(v.status);

/** Polls GetVolume until `done`; the timeout error quotes the last status and fault. */
export function waitVolume(api: Api, ref: string, done: (v: Volume) => boolean, timeoutMs = 60_000, what = 'settled') {
  return waitFor(() => api.volumes.GetVolume({ volume: ref }), done, {
    what: `volume ${ref} ${what}`,
    timeoutMs,
    retryErrors: true,
    intervalMs: 200,
  });
}

/** Waits until the volume settles and fails unless it settled in `status`. */
export async function waitStatus(api: Api, ref: string, status: string, timeoutMs = 60_000): Promise<Volume> {
  const v = await waitVolume(api, ref, settled, timeoutMs, `to settle in ${status}`);
  if (v.status !== status) {
    throw new Error(`volume ${ref} settled ${v.status}, not ${status}: ${JSON.stringify(v.fault)}`);
  }
  return v;
}

/** Creates a volume and waits until it is available (an image copy may take a while). */
export async function createVolume(api: Api, req: CreateVolumeRequest, timeoutMs = 120_000): Promise<Volume> {
  const v = await api.volumes.CreateVolume(req);
  return waitStatus(api, v.id, 'available', timeoutMs);
}

export async function attach(api: Api, server: string, volume: string, timeoutMs = 120_000): Promise<Volume> {
  await api.serverVolumes.AddServerVolume({ server, volume, device: '' });
  return waitStatus(api, volume, 'in-use', timeoutMs);
}

export async function detach(api: Api, server: string, volume: string, timeoutMs = 120_000): Promise<Volume> {
  await api.serverVolumes.RemoveServerVolume({ server, volume });
  return waitStatus(api, volume, 'available', timeoutMs);
}

/** Deletes and waits until the volume is gone (NOT_FOUND); gone already is fine. */
export async function deleteVolume(api: Api, ref: string, timeoutMs = 60_000): Promise<void> {
  try {
    await api.volumes.DeleteVolume({ volume: ref });
  } catch (err) {
    if (isStratoError(err, 'NOT_FOUND')) return;
    throw err;
  }
  await waitFor(
    () =>
      api.volumes.GetVolume({ volume: ref }).then(
        (v) => `${v.status} ${JSON.stringify(v.fault ?? null)}`,
        (err: unknown) => {
          if (isStratoError(err, 'NOT_FOUND')) return 'gone';
          throw err;
        },
      ),
    (s) => s === 'gone',
    { what: `volume ${ref} deleted`, timeoutMs, retryErrors: true, intervalMs: 200 },
  );
}

// --- inside the guest -----------------------------------------------------------------

/**
 * Shell for the guest: `strato-vol` with a long wait for the disk (it is attached
 * whenever the test gets there). Its markers: E2E-VOL-WRITE/READ/SIZE/FOUND/GONE
 * <volume id> …, E2E-VOL-IOERR and E2E-VOL-ERROR on failures.
 */
export const vol = (args: string, waitS = 1800): string => `strato-vol -w ${waitS} ${args}`;

/** The guest's volume error lines (an I/O error on any disk, a strato-vol failure). */
export const volumeErrors = (lines: readonly string[]): string[] =>
  lines.filter((l) => l.includes('E2E-VOL-IOERR') || l.includes('E2E-VOL-ERROR'));

/** The checksum field of the last `<marker> <volume id> <sha256>` line. */
export function lastChecksum(lines: readonly string[], marker: string, volumeId: string): string | undefined {
  const prefix = `${marker} ${volumeId} `;
  return lines
    .filter((l) => l.includes(prefix))
    .at(-1)
    ?.split(prefix)[1]
    ?.trim()
    .split(' ')[0];
}
