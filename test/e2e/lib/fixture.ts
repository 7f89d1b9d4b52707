// One cloud per test file: started in `before`, shared by the file's tests, stopped
// in `after` — with the daemons' log tails printed when any test failed.
import { after, afterEach, before } from 'node:test';
import { type Cloud, type CloudOptions, startCloud } from './cloud.ts';

/** Starting a cloud: sim hosts, daemons, image upload, hosts up. */
export const CLOUD_START_TIMEOUT_MS = 180_000;

export function useCloud(options: CloudOptions): () => Cloud {
  let cloud: Cloud | undefined;
  let failed = false;
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
      await cloud?.stop({ printLogs: failed });
    },
    { timeout: 120_000 },
  );
  return () => {
    if (!cloud) throw new Error('the test cloud did not start (see the before hook)');
    return cloud;
  };
}
