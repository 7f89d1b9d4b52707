// One cloud per test file: started in `before`, shared by the file's tests, stopped
// in `after` — with the daemons' log tails printed when any test failed. Clean-ups a
// file registers with `beforeStop` run first, even when a test failed, and may assert
// that nothing was left (a failed assertion fails the file, after the cloud stopped).
import { after, afterEach, before } from 'node:test';
import { type Cloud, type CloudOptions, startCloud } from './cloud.ts';

/** Starting a cloud: sim hosts, daemons, image upload, hosts up. */
export const CLOUD_START_TIMEOUT_MS = 180_000;

export interface CloudFixture {
  /** The running cloud (inside tests and hooks). */
  (): Cloud;
  /** Runs `cleanUp` in the file's `after`, before the cloud stops (in registration order). */
  beforeStop(cleanUp: (cloud: Cloud) => Promise<void>): void;
}

export function useCloud(options: CloudOptions): CloudFixture {
  let cloud: Cloud | undefined;
  let failed = false;
  const cleanUps: ((cloud: Cloud) => Promise<void>)[] = [];
  before(
    async () => {
      cloud = await startCloud(options);
    },
    { timeout: CLOUD_START_TIMEOUT_MS },
  );
  afterEach((t) => {
    // `passed` exists at run time on Node 24; @types/node does not declare it yet.
    if ((t as { passed?: boolean }).passed === false) failed = true;
  });
  after(
    async () => {
      let cleanUpError: unknown;
      for (const cleanUp of cloud ? cleanUps : []) {
        await cleanUp(cloud!).catch((err: unknown) => {
          cleanUpError ??= err;
          failed = true;
        });
      }
      await cloud?.stop({ printLogs: failed });
      if (cleanUpError !== undefined) throw cleanUpError;
    },
    { timeout: 240_000 },
  );
  const get = (): Cloud => {
    if (!cloud) throw new Error('the test cloud did not start (see the before hook)');
    return cloud;
  };
  const beforeStop = (cleanUp: (cloud: Cloud) => Promise<void>): void => {
    cleanUps.push(cleanUp);
  };
  return Object.assign(get, { beforeStop });
}
