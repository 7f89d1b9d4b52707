// What a guest needs in a freshly installed cloud, made through the CLI as an operator
// would: the test image as `testvm`, the flavor `m1.tiny` and the network `net1` with
// the DHCP subnet `sub1` (10.77.0.0/24, inside the containers only).
import { testImage } from '../../harness/test-image.ts';

export async function seedCloud(strato: (...args: string[]) => Promise<string>): Promise<void> {
  const image = await testImage();
  await strato('image', 'create', '--file', image.disk, '--disk-format', 'qcow2', '--public', 'testvm');
  await strato('flavor', 'create', '--vcpus', '1', '--ram', '256', '--disk', '1', 'm1.tiny');
  await strato('network', 'create', 'net1');
  await strato('subnet', 'create', '--network', 'net1', '--cidr', '10.77.0.0/24', 'sub1');
}
