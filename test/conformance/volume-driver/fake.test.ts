// Runs the VolumeDriver conformance suite against the fake (memory), with qemu-img
// decoding images for it as the real backends' copy does.
import { FakeVolumeDriver } from '../../../agent/storage/fake/fake-volume-driver.ts';
import { qemuImageReader } from './fixtures.ts';
import { volumeDriverConformance } from './volume-driver-suite.ts';

volumeDriverConformance('fake', async ({ wipe, capacityBytes }) => {
  const driver = new FakeVolumeDriver({ capacityBytes, wipe, images: qemuImageReader });
  return {
    driver,
    read: async (v, offset, length) => driver.read(v, offset, length),
    write: async (v, offset, data) => driver.write(v, offset, data),
    retain: async (v) => {
      const read = driver.retain(v);
      return async (offset, length) => read(offset, length);
    },
    close: async () => {},
  };
});
