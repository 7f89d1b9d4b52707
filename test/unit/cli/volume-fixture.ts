// Fixtures of the CLI's volume command tests: volumes as the API returns them and a
// fake Volumes service that answers GetVolume from a sequence (for --wait).
import { StratoError } from '../../../common/errors.ts';
import type { Volume__Output } from '../../../common/gen/strato/volume/v1/Volume.ts';
export const MiB = 1024 * 1024;
export const VOL_ID = '7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b';
export const SERVER_ID = 'a5d1c0de-0000-4000-8000-000000000001';

export function volume(over: Partial<Volume__Output> = {}): Volume__Output {
  return {
    id: VOL_ID,
    name: 'data',
    projectId: 'p1',
    userId: 'u1',
    description: '',
    sizeGib: 10,
    status: 'available',
    fault: null,
    progressPercent: 100,
    backend: 'file',
    host: '',
    imageId: '',
    snapshotId: '',
    sourceVolumeId: '',
    attachments: [],
    createdAt: '2026-12-03T00:00:00.000Z',
    updatedAt: '2026-12-03T00:00:00.000Z',
    ...over,
  };
}

export const attached = (device = 'vdc') => ({
  serverId: SERVER_ID,
  serverName: 'demo-1',
  device,
  boot: false,
  deleteOnTermination: false,
  attachedAt: '2026-12-03T00:01:00.000Z',
});

/** A Volumes API whose GetVolume answers from `seq` (the last entry repeats); records every call. */
export function volumesApi(seq: (Volume__Output | 'gone')[], extra: Record<string, unknown> = {}) {
  const calls: [string, unknown][] = [];
  let polls = 0;
  const api: Record<string, unknown> = {
    GetVolume: async (q: unknown) => {
      calls.push(['GetVolume', q]);
      const v = seq[Math.min(polls++, seq.length - 1)];
      if (v === 'gone' || v === undefined) throw new StratoError('NOT_FOUND', 'VOLUME_NOT_FOUND', 'volume not found');
      return v;
    },
    ...extra,
  };
  for (const [name, fn] of Object.entries(extra)) {
    api[name] = async (q: unknown) => {
      calls.push([name, q]);
      return (fn as (q: unknown) => unknown)(q);
    };
  }
  return { api, calls };
}
